package dev.paygate.ledger;

/**
 * An idempotency key came back with different content: a caller reused a key for another
 * operation. The first operation stands; nothing was moved for the second.
 */
public final class IdempotencyConflictException extends LedgerException {

    public IdempotencyConflictException(String idempotencyKey, String firstOperation, String secondOperation) {
        super("idempotency key " + idempotencyKey + " was first used for " + firstOperation
                + " and now for " + secondOperation);
    }
}
