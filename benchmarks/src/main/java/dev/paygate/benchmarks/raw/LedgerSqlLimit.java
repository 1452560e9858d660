package dev.paygate.benchmarks.raw;

import dev.paygate.benchmarks.back.LedgerFixture;
import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.TransferKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The ledger's transfer as bare SQL over raw JDBC, one connection per thread and nothing around it: the
 * statements Journal.post sends, in its order (lock the accounts it writes, a credited till not among them; look
 * the key up; insert the transfer, whose triggers move the wallet's balance and append the till credit), each
 * transfer its own transaction.
 */
public final class LedgerSqlLimit implements AutoCloseable {

    private final ClosedLoop loop;
    private final LedgerFixture fixture;
    private final List<RawPoster> posters = new ArrayList<>();

    public LedgerSqlLimit(ClosedLoop loop, LedgerFixture fixture, String jdbcUrl, int threads) throws SQLException {
        this.loop = loop;
        this.fixture = fixture;
        for (int thread = 0; thread < threads; thread++) {
            posters.add(new RawPoster(DriverManager.getConnection(jdbcUrl, "postgres", "")));
        }
    }

    public Measurement spread(String runId) throws SQLException {
        return measure(runId + "-spread", fixture::randomSpreadTillAccountId);
    }

    public Measurement hotTill(String runId) throws SQLException {
        return measure(runId + "-hot", fixture::hotTillAccountId);
    }

    private Measurement measure(String keyPrefix, LongSupplier creditAccount) throws SQLException {
        vacuumAccounts();
        return loop.run(posters.size(), (worker, sequence) -> posters.get(worker).post(
                "raw-" + keyPrefix + "-" + sequence, fixture.randomWalletAccountId(), creditAccount.getAsLong()));
    }

    /** Each run starts from tidy account rows, so the hot till's dead row versions weigh on every run alike. */
    private void vacuumAccounts() throws SQLException {
        try (Statement statement = posters.getFirst().connection.createStatement()) {
            posters.getFirst().connection.setAutoCommit(true);
            statement.execute("vacuum analyze ledger.account");
            posters.getFirst().connection.setAutoCommit(false);
        }
    }

    private static final class RawPoster {
        private final Connection connection;
        private final PreparedStatement lock;
        private final PreparedStatement find;
        private final PreparedStatement insert;

        RawPoster(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement(Journal.LOCK_ACCOUNTS);
            find = connection.prepareStatement(Journal.FIND_TRANSFER);
            insert = connection.prepareStatement(Journal.INSERT_TRANSFER);
        }

        void post(String key, long debitAccountId, long creditAccountId) throws SQLException {
            try {
                lock.setLong(1, debitAccountId);
                lock.setLong(2, creditAccountId);
                lock.setLong(3, creditAccountId);
                drain(lock.executeQuery());
                find.setString(1, key);
                drain(find.executeQuery());
                insert.setString(1, key);
                insert.setString(2, TransferKind.WALLET_PAYMENT.name());
                insert.setLong(3, debitAccountId);
                insert.setLong(4, creditAccountId);
                insert.setLong(5, 1);
                insert.setString(6, LedgerFixture.CURRENCY);
                insert.setNull(7, Types.BIGINT);
                drain(insert.executeQuery());
                connection.commit();
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            }
        }

        private static void drain(ResultSet rows) throws SQLException {
            try (rows) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (RawPoster poster : posters) {
            poster.connection.close();
        }
    }
}
