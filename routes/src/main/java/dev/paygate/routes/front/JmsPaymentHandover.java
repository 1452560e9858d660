package dev.paygate.routes.front;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link PaymentHandover} over Artemis: persistent request, correlated reply, bounded wait. */
@Component
@FrontUnit
public class JmsPaymentHandover implements PaymentHandover {

    private static final Logger log = LoggerFactory.getLogger(JmsPaymentHandover.class);

    private final ProducerTemplate producer;
    private final OrderCodec codec;
    private final Clock clock;

    public JmsPaymentHandover(ProducerTemplate producer, OrderCodec codec, Clock clock) {
        this.producer = producer;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Decision handOver(PaymentOrder order) {
        String answer = producer.requestBodyAndHeader(FrontPaymentRoutes.HAND_OVER, codec.encodeOrder(order),
                OrderCodec.TICKET_ID_HEADER, order.ticketId(), String.class);
        if (answer == null || answer.isBlank()) {
            // No answer in time is an honest "pending": the back unit records the outcome all the same.
            log.info("Back unit did not answer ticket {} within the reply wait: pending", order.ticketId());
            return Decision.pending(order.ticketId(), clock.instant());
        }
        return codec.decodeDecision(answer);
    }

    @Override
    public void resend(PaymentOrder order) {
        producer.sendBodyAndHeader(FrontPaymentRoutes.RESEND, codec.encodeOrder(order), OrderCodec.TICKET_ID_HEADER,
                order.ticketId());
    }

    @Override
    public Optional<Decision> lookup(String ticketId) {
        String answer = producer.requestBody(FrontPaymentRoutes.LOOKUP, ticketId, String.class);
        return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(codec.decodeDecision(answer));
    }
}
