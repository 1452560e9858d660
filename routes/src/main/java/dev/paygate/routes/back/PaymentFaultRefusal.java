package dev.paygate.routes.back;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a fault in the back unit into the ticket's final answer: {@code system_error}, registered so that every
 * later delivery and lookup finds the same. A ticket decided before the fault keeps its decision.
 */
@Component
@BackUnit
public record PaymentFaultRefusal(OrderCodec codec, PaymentRegister register, SettlementPathChoice pathChoice,
                                  DecisionMetrics metrics, Clock clock) implements Processor {

    public static final String TICKET_ID = OrderCodec.TICKET_ID_HEADER;
    public static final String SYSTEM_ERROR = RefusalReason.SYSTEM_ERROR.code();
    private static final String ANSWER = "paygateFaultAnswer";
    private static final Logger log = LoggerFactory.getLogger(PaymentFaultRefusal.class);

    @Override
    public void process(Exchange exchange) {
        PaymentOrder order;
        try {
            order = codec.decodeOrder(exchange.getMessage().getBody(String.class));
        } catch (RuntimeException unreadable) {
            // Nothing to register without the order's parties; the front still gets a final answer for the ticket.
            String ticketId = exchange.getMessage().getHeader(TICKET_ID, String.class);
            if (ticketId != null) {
                log.error("Order for ticket {} cannot be read; answered system_error, nothing registered", ticketId);
                exchange.setProperty(ANSWER, codec.encodeDecision(unregistered(ticketId)));
            }
            return;
        }
        Decision refusal;
        try {
            refusal = Decisions.of(register.refuse(order.registerOrder(), pathChoice.pathOf(order),
                    SYSTEM_ERROR));
        } catch (IllegalArgumentException notRegistrable) {
            log.error("Order for ticket {} cannot be registered ({}); answered system_error, nothing registered",
                    order.ticketId(), notRegistrable.getMessage());
            refusal = unregistered(order.ticketId());
        }
        metrics.decided(refusal);
        exchange.setProperty(ANSWER, codec.encodeDecision(refusal));
    }

    private Decision unregistered(String ticketId) {
        return new Decision(ticketId, Decision.Outcome.REFUSED, null, null, null, null, SYSTEM_ERROR, clock.instant());
    }

    /** The refusal becomes the reply; an order without a ticket id gets none (its sender can only wait). */
    public void answer(Exchange exchange) {
        String answer = exchange.getProperty(ANSWER, String.class);
        if (answer == null) {
            exchange.setPattern(ExchangePattern.InOnly);
        } else {
            exchange.getMessage().setBody(answer);
        }
    }
}
