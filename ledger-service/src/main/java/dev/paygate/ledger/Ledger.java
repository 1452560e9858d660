package dev.paygate.ledger;

import javax.sql.DataSource;

/**
 * The double-entry ledger on a {@link DataSource}: each call is one database transaction. Payments,
 * top-ups, refunds and the sweep use {@link Journal} inside their own transactions instead.
 */
public final class Ledger {

    private final Transactions transactions;

    public Ledger(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Debits one account and credits the other by the same amount, or refuses and moves nothing.
     * Replaying an idempotency key returns the first transfer and moves nothing; replaying it with
     * different content throws {@link IdempotencyConflictException}.
     */
    public TransferResult transfer(TransferRequest request) {
        return transactions.inTransaction(connection -> Journal.post(connection, request));
    }

    /** The payment server's account of that kind in that currency, opened on first use. */
    public Account systemAccount(SystemAccount systemAccount, String currency) {
        return transactions.inTransaction(connection -> Journal.systemAccount(connection, systemAccount, currency));
    }
}
