package dev.paygate.faults;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the merchant and the browser were told about one ticket, across every POST and status look: the
 * distinct vouchers that verified, the refusal reason, or nothing final yet. Thread-safe: parallel confirms of
 * one ticket record into the same view.
 */
final class ClientView {

    enum Outcome { APPROVED, REFUSED, PENDING }

    private final String ticketId;
    private final PaymentKind kind;
    private final long amountMinor;
    private final Merchant merchant;
    private final Set<String> voucherIds = new LinkedHashSet<>();
    private final Set<String> refusalReasons = new LinkedHashSet<>();
    private String firstVoucher;

    /** @param merchant who signed the ticket and verifies its answers; null for a payment another client made */
    ClientView(String ticketId, PaymentKind kind, long amountMinor, Merchant merchant) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.amountMinor = amountMinor;
        this.merchant = merchant;
    }

    String ticketId() {
        return ticketId;
    }

    PaymentKind kind() {
        return kind;
    }

    long amountMinor() {
        return amountMinor;
    }

    Merchant merchant() {
        return merchant;
    }

    synchronized void approved(String voucherId, String compactVoucher) {
        voucherIds.add(voucherId);
        if (firstVoucher == null) {
            firstVoucher = compactVoucher;
        }
    }

    /** The first verified voucher as it came, for the probes; null until approved. */
    synchronized String firstVoucher() {
        return firstVoucher;
    }

    synchronized void refused(String reason) {
        refusalReasons.add(reason);
    }

    synchronized Set<String> voucherIds() {
        return Set.copyOf(voucherIds);
    }

    synchronized Set<String> refusalReasons() {
        return Set.copyOf(refusalReasons);
    }

    /** Final once a verified voucher or a refusal came back; approved wins the display when both did. */
    synchronized Outcome outcome() {
        if (!voucherIds.isEmpty()) {
            return Outcome.APPROVED;
        }
        return refusalReasons.isEmpty() ? Outcome.PENDING : Outcome.REFUSED;
    }

    synchronized boolean isFinal() {
        return !voucherIds.isEmpty() || !refusalReasons.isEmpty();
    }

    @Override
    public synchronized String toString() {
        return "ticket " + ticketId + " (" + kind + ", " + amountMinor + " minor): vouchers " + voucherIds
                + ", refusals " + refusalReasons;
    }
}
