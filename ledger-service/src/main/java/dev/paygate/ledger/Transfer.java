package dev.paygate.ledger;

import java.time.Instant;

/** A posted transfer: {@code amountMinor} left the debit account and reached the credit account. */
public record Transfer(
        long transferId,
        String idempotencyKey,
        TransferKind kind,
        long debitAccountId,
        long creditAccountId,
        long amountMinor,
        String currency,
        Long registerSerial,
        Instant createdAt) {

    String describe() {
        return kind + " of " + amountMinor + " " + currency + " from account " + debitAccountId
                + " to account " + creditAccountId;
    }
}
