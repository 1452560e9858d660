package dev.paygate.ledger;

/**
 * A fault in the ledger: the database refused a write the Java checks allowed, a statement failed,
 * or a caller broke a contract. Expected outcomes such as a refusal for insufficient funds are
 * results ({@link RefusalReason}), never this exception.
 */
public class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
