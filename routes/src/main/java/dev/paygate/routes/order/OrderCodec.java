package dev.paygate.routes.order;

import org.springframework.stereotype.Component;

/** Payment orders and decisions on the JMS link. */
@Component
public class OrderCodec {

    private final JsonMessages json = new JsonMessages();

    public String encodeOrder(PaymentOrder order) {
        return json.write(order);
    }

    public PaymentOrder decodeOrder(String text) {
        return json.read(text, PaymentOrder.class);
    }

    public String encodeDecision(Decision decision) {
        return json.write(decision);
    }

    public Decision decodeDecision(String text) {
        return json.read(text, Decision.class);
    }
}
