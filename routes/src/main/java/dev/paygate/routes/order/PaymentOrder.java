package dev.paygate.routes.order;

import dev.paygate.iso8583.field.Money;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated payment order as the front unit hands it to the back unit (docs/architecture.md step 5).
 * The ticket id is the idempotency key end to end: the same ticket settles at most once.
 *
 * @param decideBy the end of the order's life: the back unit settles nothing after it and refuses the order
 *                 ({@code payment_expired}) instead, so that the front unit may end a payment the back unit never
 *                 saw; null (an order from before this field) has no end
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
        Instant authenticatedAt,
        Instant decideBy) implements Serializable {

    /** DE 4 carries twelve digits: the largest amount the card path can send, and so the largest any order may ask. */
    public static final long AMOUNT_MINOR_MAX = Money.AMOUNT_MINOR_MAX;

    public PaymentOrder {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        if (amountMinor < 0 || amountMinor > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException("amountMinor must be within 0.." + AMOUNT_MINOR_MAX + ": " + amountMinor);
        }
        if (vatMinor < 0 || vatMinor > amountMinor) {
            throw new IllegalArgumentException("vatMinor must be within 0.." + amountMinor + ": " + vatMinor);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 alphabetic code: " + currency);
        }
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** True when the order's life has ended at {@code now}: it may only be refused. */
    public boolean expiredAt(Instant now) {
        return decideBy != null && now.isAfter(decideBy);
    }

    /** One line of a basket ticket. */
    public record OrderItem(String ref, String label, int quantity, long amountMinor) implements Serializable {
    }
}
