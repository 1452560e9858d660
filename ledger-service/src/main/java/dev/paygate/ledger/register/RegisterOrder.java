package dev.paygate.ledger.register;

import dev.paygate.ledger.Money;
import dev.paygate.ledger.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated order as the back unit registers it: the ticket data a dispute needs.
 *
 * @param ticketId        the idempotency key end to end: a ticket settles at most once
 * @param merchantSerial  the merchant's own sales-register serial from the ticket
 * @param authenticatedAt when the front unit authenticated the customer (UTC)
 */
public record RegisterOrder(
        String ticketId,
        String merchantId,
        String customerId,
        String orderId,
        long amountMinor,
        long vatMinor,
        String currency,
        String merchantSerial,
        List<OrderItem> items,
        Instant authenticatedAt) {

    public RegisterOrder {
        Text.requireLength(ticketId, "ticketId", 200);
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(authenticatedAt, "authenticatedAt");
        Money.requireNotNegative(amountMinor, "amountMinor");
        if (vatMinor < 0 || vatMinor > amountMinor) {
            throw new IllegalArgumentException("vatMinor must be within 0.." + amountMinor + ": " + vatMinor);
        }
        Money.requireCurrency(currency);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
