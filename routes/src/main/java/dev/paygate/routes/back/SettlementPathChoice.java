package dev.paygate.routes.back;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * How the decision route chooses: an order past its life is refused; zero amount authenticates only; up to the
 * currency's threshold the wallet pays; above it, the card.
 */
@Component
@BackUnit
public class SettlementPathChoice {

    private final DecisionProperties properties;
    private final Clock clock;

    public SettlementPathChoice(DecisionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** An order read after its life ended ({@link PaymentOrder#decideBy()}) is refused, whatever it asks. */
    public boolean expired(PaymentOrder order) {
        return order.expiredAt(clock.instant());
    }

    public boolean authenticationOnly(PaymentOrder order) {
        return order.amountMinor() == 0;
    }

    public boolean walletPays(PaymentOrder order) {
        Long threshold = properties.walletThresholdMinor().get(order.currency());
        return threshold != null && order.amountMinor() <= threshold;
    }

    public SettlementPath pathOf(PaymentOrder order) {
        if (authenticationOnly(order)) {
            return SettlementPath.AUTH_ONLY;
        }
        return walletPays(order) ? SettlementPath.WALLET : SettlementPath.CARD;
    }
}
