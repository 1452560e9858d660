package dev.paygate.ledger;

import java.time.Instant;
import java.util.Objects;

/** A posted transfer: the request's {@code amountMinor} left the debit account and reached the credit account. */
public record Transfer(long transferId, TransferRequest request, Instant createdAt) {

    public Transfer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
