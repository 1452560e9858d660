package dev.paygate.routes.order;

import dev.paygate.iso8583.field.Money;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.RegisterOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authenticated payment order as the front unit hands it to the back unit (docs/architecture.md step 5): the
 * order exactly as the register records it, and how long it may still be decided. The order keeps one shape from
 * the hand-over to the database; the ticket id is the idempotency key end to end: the same ticket settles at most
 * once.
 *
 * @param registerOrder the order's parties, amounts and items, as the back unit registers them
 * @param decideBy      the end of the order's life: the back unit settles nothing after it and refuses the order
 *                      ({@code payment_expired}) instead, so that the front unit may end a payment the back unit
 *                      never saw; null has no end
 */
public record PaymentOrder(RegisterOrder registerOrder, Instant decideBy) {

    /** DE 4 carries twelve digits: the largest amount the card path can send, and so the largest any order may ask. */
    public static final long AMOUNT_MINOR_MAX = Money.AMOUNT_MINOR_MAX;

    public PaymentOrder {
        Objects.requireNonNull(registerOrder, "registerOrder");
        if (registerOrder.amountMinor() > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException("amountMinor must be within 0.." + AMOUNT_MINOR_MAX + ": "
                    + registerOrder.amountMinor());
        }
    }

    /** An order of these parts; the items carry each line's total. */
    public PaymentOrder(String ticketId, String merchantId, String customerId, String orderId, long amountMinor,
                        long vatMinor, String currency, String merchantSerial, List<OrderItem> items,
                        Instant authenticatedAt, Instant decideBy) {
        this(new RegisterOrder(ticketId, merchantId, customerId, orderId, amountMinor, vatMinor, currency,
                merchantSerial, items, authenticatedAt), decideBy);
    }

    public String ticketId() {
        return registerOrder.ticketId();
    }

    public String merchantId() {
        return registerOrder.merchantId();
    }

    public String customerId() {
        return registerOrder.customerId();
    }

    public long amountMinor() {
        return registerOrder.amountMinor();
    }

    public String currency() {
        return registerOrder.currency();
    }

    /** True when the order's life has ended at {@code now}: it may only be refused. */
    public boolean expiredAt(Instant now) {
        return decideBy != null && now.isAfter(decideBy);
    }
}
