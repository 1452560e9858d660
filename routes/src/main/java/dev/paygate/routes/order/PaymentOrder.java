package dev.paygate.routes.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated payment order as the front unit hands it to the back unit (docs/architecture.md step 5).
 * The ticket id is the idempotency key end to end: the same ticket settles at most once.
 */
public record PaymentOrder(
        String ticketId,
        String merchantId,
        String customerId,
        String orderId,
        long amountMinor,
        long vatMinor,
        String currency,
        String merchantSerial,
        List<OrderItem> items,
        Instant authenticatedAt) implements Serializable {

    public PaymentOrder {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        if (amountMinor < 0) {
            throw new IllegalArgumentException("amountMinor must not be negative: " + amountMinor);
        }
        if (vatMinor < 0 || vatMinor > amountMinor) {
            throw new IllegalArgumentException("vatMinor must be within 0.." + amountMinor + ": " + vatMinor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 alphabetic code: " + currency);
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One line of a basket ticket. */
    public record OrderItem(String ref, String label, int quantity, long amountMinor) implements Serializable {
    }
}
