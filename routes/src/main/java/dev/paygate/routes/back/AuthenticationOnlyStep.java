package dev.paygate.routes.back;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.PaymentOrder;
import org.springframework.stereotype.Component;

/** A zero-amount ticket: the customer authenticated; the register records it, no money moves. */
@Component
@BackUnit
public class AuthenticationOnlyStep {

    private final PaymentRegister register;

    public AuthenticationOnlyStep(PaymentRegister register) {
        this.register = register;
    }

    public Decision register(PaymentOrder order) {
        return Decisions.of(register.authOnly(Decisions.toRegisterOrder(order)));
    }
}
