package dev.paygate.routes.back;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.PaymentOrder;
import org.springframework.stereotype.Component;

/** Zero amount authenticates only; up to the currency's threshold the wallet pays; above it, the card. */
@Component
@BackUnit
public class SettlementPathChoice {

    private final DecisionProperties properties;

    public SettlementPathChoice(DecisionProperties properties) {
        this.properties = properties;
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
