package dev.paygate.ledger.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh ledger database for a test class ({@link #perClass()}, register it in a static field)
 * or for each test ({@link #perTest()}, for tests that break the ledger on purpose).
 */
public final class LedgerDatabase implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private static final int POOL_SIZE_MAX = 40;

    private final boolean perTest;
    private HikariDataSource dataSource;

    private LedgerDatabase(boolean perTest) {
        this.perTest = perTest;
    }

    public static LedgerDatabase perClass() {
        return new LedgerDatabase(false);
    }

    public static LedgerDatabase perTest() {
        return new LedgerDatabase(true);
    }

    public DataSource dataSource() {
        if (dataSource == null) {
            throw new IllegalStateException("the ledger database exists only while a test runs");
        }
        return dataSource;
    }

    /** Runs raw SQL on its own connection, outside every Java check of the ledger. */
    public void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs raw SQL in one transaction, outside every Java check of the ledger; rolls back on failure. */
    public void executeInTransaction(String... statements) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            dataSource = EmbeddedPostgresServer.newDatabase(context.getRequiredTestClass().getSimpleName(), POOL_SIZE_MAX);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            dataSource = EmbeddedPostgresServer.newDatabase(context.getRequiredTestMethod().getName(), POOL_SIZE_MAX);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            close();
        }
    }

    private void close() {
        EmbeddedPostgresServer.dropDatabase(dataSource);
        dataSource = null;
    }
}
