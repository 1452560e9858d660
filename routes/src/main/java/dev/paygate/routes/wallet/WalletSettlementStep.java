package dev.paygate.routes.wallet;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentOrder;
import org.springframework.stereotype.Component;

/**
 * Wallet path: debit the customer's wallet, credit the merchant's till, write the register entry, in one
 * database transaction; a short wallet or a hit limit is a reasoned refusal, also registered.
 */
@Component
@BackUnit
public record WalletSettlementStep(PaymentRegister register) {

    public Decision settle(PaymentOrder order) {
        return Decisions.of(register.settleWalletPayment(order.registerOrder()).entry());
    }
}
