package dev.paygate.routes.back;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The back unit's steps that are one register call each and move no money: a zero-amount ticket, a refusal decided
 * before any money moves, and the lookup of a ticket's recorded decision.
 */
@Component
@BackUnit
public record RegisterDecisions(PaymentRegister register, SettlementPathChoice pathChoice, OrderCodec codec) {

    /** A zero-amount ticket: the customer authenticated; the register records it, no money moves. */
    public Decision authenticationOnly(PaymentOrder order) {
        return Decisions.of(register.authOnly(order.registerOrder()));
    }

    /** A screening step's refusal or an expired order, on the path the order would have taken. */
    public Decision refuse(PaymentOrder order, @Header(BackPaymentRoutes.SCREENING_REFUSAL) String reason) {
        return Decisions.of(register.refuse(order.registerOrder(), pathChoice.pathOf(order), reason));
    }

    /** The register's decision for a ticket, as the JSON the front reads; empty when the ticket was never seen. */
    public String lookUp(String ticketId) {
        return register.findByTicket(ticketId).map(Decisions::of).map(codec::encodeDecision).orElse("");
    }
}
