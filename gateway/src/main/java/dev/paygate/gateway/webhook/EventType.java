package dev.paygate.gateway.webhook;

import java.util.Arrays;

/** What a notification announces; {@link #code()} is the {@code type} in its body and in the outbox. */
public enum EventType {
    PAYMENT_APPROVED("payment.approved"),
    PAYMENT_REFUSED("payment.refused"),
    PAYMENT_REFUNDED("payment.refunded"),
    MERCHANT_SWEPT("merchant.swept"),
    /** A ticket naming the merchant's key was refused and could not carry a signed refusal back. */
    TICKET_REFUSED("ticket.refused"),
    /** Sent from the merchant dashboard to try the endpoint. */
    WEBHOOK_TEST("webhook.test");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static EventType of(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown webhook event type " + code));
    }
}
