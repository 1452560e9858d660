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
public record SettlementPathChoice(DecisionProperties properties, Clock clock) {

    /** An order read after its life ended ({@link PaymentOrder#decideBy()}) is refused, whatever it asks. */
    public boolean expired(PaymentOrder order) {
        return order.expiredAt(clock.instant());
    }

    public boolean authenticationOnly(PaymentOrder order) {
        return order.amountMinor() == 0;
    }

    public boolean walletPays(PaymentOrder order) {
        return withinWalletThreshold(order.amountMinor(), order.currency());
    }

    public SettlementPath pathOf(PaymentOrder order) {
        return pathOf(order.amountMinor(), order.currency());
    }

    /** The path an order of this amount takes, also asked before the order exists (the payment page says it). */
    public SettlementPath pathOf(long amountMinor, String currency) {
        if (amountMinor == 0) {
            return SettlementPath.AUTH_ONLY;
        }
        return withinWalletThreshold(amountMinor, currency) ? SettlementPath.WALLET : SettlementPath.CARD;
    }

    private boolean withinWalletThreshold(long amountMinor, String currency) {
        Long threshold = properties.walletThresholdMinor().get(currency);
        return threshold != null && amountMinor <= threshold;
    }
}
