package dev.paygate.ledger.register;

import java.util.Objects;

/**
 * The register entry for a card payment about to be authorized.
 *
 * @param seenBefore true when the ticket was already registered: send no authorization, act on the entry
 */
public record CardPaymentOpening(RegisterEntry entry, boolean seenBefore) {

    public CardPaymentOpening {
        Objects.requireNonNull(entry, "entry");
    }

    /** True only for the first delivery of a ticket that passed the ledger's checks. */
    public boolean sendAuthorization() {
        return !seenBefore && entry.status() == RegisterStatus.PENDING;
    }
}
