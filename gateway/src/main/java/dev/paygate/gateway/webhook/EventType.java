package dev.paygate.gateway.webhook;

import java.util.Arrays;

/** What a notification announces; {@link #code()} is the {@code type} in its body and in the outbox. */
public enum EventType {
    PAYMENT_APPROVED("payment.approved"),
    PAYMENT_REFUSED("payment.refused"),
    PAYMENT_REFUNDED("payment.refunded"),
    MERCHANT_SWEPT("merchant.swept");

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
