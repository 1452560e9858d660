package dev.paygate.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one database transaction. A deadlock or serialization failure rolls back and runs
 * the work again, at most {@link #ATTEMPTS_MAX} times; the work must therefore only touch the
 * database. Any other SQL error rolls back and becomes a {@link LedgerException}.
 */
public final class Transactions {

    /** A retried transaction re-runs all its statements; three tries ride out a deadlock. */
    public static final int ATTEMPTS_MAX = 3;

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work at the connection's isolation level. Keep PostgreSQL's default, read committed
     * (HikariCP does unless told otherwise): the ledger serializes on row locks, and under read
     * committed a lock waiter goes on with the row as its holder committed it, where repeatable
     * read would fail the waiter and retry its whole transaction.
     */
    public <T> T inTransaction(Work<T> work) {
        return run(work, null);
    }

    /** One consistent snapshot for several reads (repeatable read, read only). */
    public <T> T inSnapshot(Work<T> work) {
        return run(work, "set transaction isolation level repeatable read, read only");
    }

    private <T> T run(Work<T> work, String transactionMode) {
        SQLException lastRetryable = null;
        for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    if (transactionMode != null) {
                        try (Statement mode = connection.createStatement()) {
                            mode.execute(transactionMode);
                        }
                    }
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException failure) {
                    connection.rollback();
                    throw failure;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException failure) {
                if (!isRetryable(failure)) {
                    throw new LedgerException("ledger transaction failed: " + failure.getMessage(), failure);
                }
                lastRetryable = failure;
                LOG.warn("ledger transaction attempt {} of {} failed with SQL state {}; retrying",
                        attempt, ATTEMPTS_MAX, failure.getSQLState());
            }
        }
        throw new LedgerException("ledger transaction failed " + ATTEMPTS_MAX + " times on lock conflicts",
                lastRetryable);
    }

    private static boolean isRetryable(SQLException failure) {
        String state = failure.getSQLState();
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }
}
