package dev.paygate.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Folds till credits into till balances. A transfer into a till appends a till credit and leaves the till's row
 * alone, so payments into one busy till do not queue behind its row lock; a fold marks a batch of credits folded
 * and adds them to their tills' balances in the same transaction (the database does both, triggers
 * {@code till_credit_folded_once} and {@code till_credit_folded_into_balance}). Until then a till's balance is its
 * folded balance plus its unfolded credits, and every read of a balance counts both ({@code ledger.account_balance}).
 *
 * <p>One fold runs at a time in the whole database: each takes a transaction-scoped advisory lock, which
 * PostgreSQL drops with the transaction, however it ends. A crash between a credit and its fold leaves the credit
 * unfolded and counted; the next fold, by any process, takes it. Two folds can never count a credit twice: the
 * database marks each credit folded once.
 */
public final class TillCredits {

    /** Credits one fold transaction takes at most; a backlog is folded in several transactions. */
    public static final int CREDITS_PER_FOLD_MAX = 10_000;

    /** The folds' advisory lock; the back units' leases (routes, {@code lease.Lease}) use 8,583,001 and up. */
    static final long FOLD_LOCK_KEY = 8_583_100L;

    private static final String FOLD_BATCH = "update ledger.till_credit set folded_at = now()"
            + " where transfer_id in (select transfer_id from ledger.till_credit where folded_at is null limit ?)"
            + " and folded_at is null";
    private static final String FOLD_TILL = "update ledger.till_credit set folded_at = now()"
            + " where till_account_id = ? and folded_at is null";

    private final Transactions transactions;

    public TillCredits(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Folds unfolded credits of all tills, {@code creditsPerFold} per transaction, until none are left or another
     * fold is running (it will take them).
     *
     * @return the credits this call folded
     */
    public long foldPending(int creditsPerFold) {
        if (creditsPerFold < 1 || creditsPerFold > CREDITS_PER_FOLD_MAX) {
            throw new IllegalArgumentException("creditsPerFold must be within 1.." + CREDITS_PER_FOLD_MAX + ": "
                    + creditsPerFold);
        }
        long folded = 0;
        while (true) {
            int batch = transactions.inTransaction(connection -> foldBatch(connection, creditsPerFold));
            folded += Math.max(batch, 0);
            if (batch < creditsPerFold) {
                return folded;
            }
        }
    }

    /**
     * Folds every unfolded credit of one till on the caller's transaction, waiting for a running fold to end first:
     * the sweep calls it before it reads what the till holds.
     *
     * @return the credits folded
     */
    public static int foldTill(Connection connection, long tillAccountId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, FOLD_LOCK_KEY);
            lock.execute();
        }
        try (PreparedStatement fold = connection.prepareStatement(FOLD_TILL)) {
            fold.setLong(1, tillAccountId);
            return fold.executeUpdate();
        }
    }

    /** One batch on the caller's transaction; -1 when another fold holds the lock. */
    private static int foldBatch(Connection connection, int creditsMax) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, FOLD_LOCK_KEY);
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    return -1;
                }
            }
        }
        try (PreparedStatement fold = connection.prepareStatement(FOLD_BATCH)) {
            fold.setInt(1, creditsMax);
            return fold.executeUpdate();
        }
    }
}
