package dev.paygate.routes.front;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link PaymentHandover} over Artemis: persistent request, correlated reply, bounded wait. */
@Component
@FrontUnit
public record JmsPaymentHandover(ProducerTemplate producer, OrderCodec codec, Clock clock) implements PaymentHandover {

    /**
     * Artemis drops a message whose duplicate id it has seen on the address. Each send of an order gets its own: the
     * copy a client resends after a failover (the same send, the same id) is dropped, while recovery's deliberate
     * resend of the order (a new send) goes through, also when the first copy ended in the dead-letter queue.
     */
    static final String DUPLICATE_ID_HEADER = Message.HDR_DUPLICATE_DETECTION_ID.toString();
    private static final Logger log = LoggerFactory.getLogger(JmsPaymentHandover.class);

    @Override
    public Decision handOver(PaymentOrder order) {
        String answer = producer.requestBodyAndHeaders(FrontPaymentRoutes.HAND_OVER, codec.encodeOrder(order),
                sendHeaders(order), String.class);
        if (answer == null || answer.isBlank()) {
            // No answer in time is an honest "pending": the back unit records the outcome all the same.
            log.info("Back unit did not answer ticket {} within the reply wait: pending", order.ticketId());
            return Decision.pending(order.ticketId(), clock.instant());
        }
        return codec.decodeDecision(answer);
    }

    @Override
    public void resend(PaymentOrder order) {
        producer.sendBodyAndHeaders(FrontPaymentRoutes.RESEND, codec.encodeOrder(order), sendHeaders(order));
    }

    /** The ticket id, for the back unit's logs, and a duplicate id of this one send. */
    private static Map<String, Object> sendHeaders(PaymentOrder order) {
        return Map.of(OrderCodec.TICKET_ID_HEADER, order.ticketId(),
                DUPLICATE_ID_HEADER, order.ticketId() + ":" + UUID.randomUUID());
    }

    @Override
    public Optional<Decision> lookup(String ticketId) {
        String answer = producer.requestBody(FrontPaymentRoutes.LOOKUP, ticketId, String.class);
        return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(codec.decodeDecision(answer));
    }
}
