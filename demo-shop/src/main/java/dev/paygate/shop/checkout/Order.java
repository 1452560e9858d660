package dev.paygate.shop.checkout;

import java.util.Objects;
import java.util.Optional;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.Voucher;

/**
 * An order: the signed ticket it was sent to pay with (the voucher is checked against it), and, once a
 * voucher was accepted, that voucher. Delivered at most once. Thread-safe.
 */
public final class Order {

    private final Ticket ticket;
    private Voucher deliveredAgainst;
    private String deliveredAgainstCompact;

    public Order(Ticket ticket) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
    }

    public String orderId() {
        return ticket.orderId();
    }

    public Ticket ticket() {
        return ticket;
    }

    /** Records the delivery; false when the order was delivered before, against any voucher. */
    public synchronized boolean deliver(Voucher voucher, String compactVoucher) {
        Objects.requireNonNull(voucher, "voucher");
        Objects.requireNonNull(compactVoucher, "compactVoucher");
        if (deliveredAgainst != null) {
            return false;
        }
        deliveredAgainst = voucher;
        deliveredAgainstCompact = compactVoucher;
        return true;
    }

    /** The voucher this order was delivered against, when {@code compactVoucher} is exactly that voucher. */
    public synchronized Optional<Voucher> deliveredAgainst(String compactVoucher) {
        return compactVoucher.equals(deliveredAgainstCompact) ? Optional.of(deliveredAgainst) : Optional.empty();
    }

    public synchronized Optional<Voucher> delivery() {
        return Optional.ofNullable(deliveredAgainst);
    }
}
