package dev.paygate.ledger;

import java.util.Objects;

/**
 * An order to move {@code amountMinor} from one account to another.
 *
 * @param idempotencyKey unique per transfer: a replay of the same key moves nothing
 * @param registerSerial the register entry this transfer settles, or null
 */
public record TransferRequest(
        String idempotencyKey,
        TransferKind kind,
        long debitAccountId,
        long creditAccountId,
        long amountMinor,
        String currency,
        Long registerSerial) {

    public TransferRequest {
        Text.requireLength(idempotencyKey, "idempotencyKey", 200);
        Objects.requireNonNull(kind, "kind");
        if (debitAccountId == creditAccountId) {
            throw new IllegalArgumentException("a transfer needs two different accounts: " + debitAccountId);
        }
        Money.requirePositive(amountMinor, "amountMinor");
        Money.requireCurrency(currency);
    }

    String describe() {
        return kind + " of " + amountMinor + " " + currency + " from account " + debitAccountId
                + " to account " + creditAccountId;
    }
}
