package dev.paygate.routes.back;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.OrderCodec;
import org.springframework.stereotype.Component;

/** The register's decision for a ticket, as the JSON the front reads; empty when the ticket was never seen. */
@Component
@BackUnit
public class DecisionLookup {

    private final PaymentRegister register;
    private final OrderCodec codec;

    public DecisionLookup(PaymentRegister register, OrderCodec codec) {
        this.register = register;
        this.codec = codec;
    }

    public String answer(String ticketId) {
        return register.findByTicket(ticketId).map(Decisions::of).map(codec::encodeDecision).orElse("");
    }
}
