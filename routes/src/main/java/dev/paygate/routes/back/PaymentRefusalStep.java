package dev.paygate.routes.back;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.PaymentOrder;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Registers a refusal the back unit decided before any money moved (screening, an expired order). */
@Component
@BackUnit
public class PaymentRefusalStep {

    private final PaymentRegister register;
    private final SettlementPathChoice pathChoice;

    public PaymentRefusalStep(PaymentRegister register, SettlementPathChoice pathChoice) {
        this.register = register;
        this.pathChoice = pathChoice;
    }

    public Decision refuse(PaymentOrder order, @Header(BackPaymentRoutes.SCREENING_REFUSAL) String reason) {
        return Decisions.of(register.refuse(Decisions.toRegisterOrder(order), pathChoice.pathOf(order), reason));
    }
}
