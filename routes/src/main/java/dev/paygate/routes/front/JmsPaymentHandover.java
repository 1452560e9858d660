package dev.paygate.routes.front;

import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import dev.paygate.routes.FrontUnit;
import org.springframework.stereotype.Component;

/** {@link PaymentHandover} over Artemis: persistent request, correlated reply, bounded wait. */
@Component
@FrontUnit
public class JmsPaymentHandover implements PaymentHandover {

    private final ProducerTemplate producer;
    private final OrderCodec codec;

    public JmsPaymentHandover(ProducerTemplate producer, OrderCodec codec) {
        this.producer = producer;
        this.codec = codec;
    }

    @Override
    public Decision handOver(PaymentOrder order) {
        return producer.requestBody(FrontPaymentRoutes.HANDOVER, order, Decision.class);
    }

    @Override
    public void resend(PaymentOrder order) {
        producer.sendBody(FrontPaymentRoutes.RESEND, order);
    }

    @Override
    public Optional<Decision> lookup(String ticketId) {
        String answer = producer.requestBody(FrontPaymentRoutes.LOOKUP, ticketId, String.class);
        return answer == null || answer.isBlank() ? Optional.empty() : Optional.of(codec.decodeDecision(answer));
    }
}
