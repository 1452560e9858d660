package dev.paygate.routes.order;

import org.springframework.stereotype.Component;

/** Payment orders and decisions on the JMS link. */
@Component
public class OrderCodec {

    /** The front sets it beside every order's JSON: the only way to answer an order whose body cannot be read. */
    public static final String TICKET_ID_HEADER = "paygateTicketId";

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
