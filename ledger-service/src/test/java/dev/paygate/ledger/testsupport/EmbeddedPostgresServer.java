package dev.paygate.ledger.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.paygate.ledger.LedgerSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL 18 per test JVM, started on first use, stopped by its shutdown hook.
 * The ledger schema is migrated once into a template database; each test class gets a copy of
 * it, which takes a fraction of a second.
 */
public final class EmbeddedPostgresServer {

    private static final String TEMPLATE_DATABASE = "ledger_template";
    private static final Path WORK_DIRECTORY = moduleTargetDirectory().resolve("embedded-postgres");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger DATABASES_CREATED = new AtomicInteger();

    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresServer() {
    }

    /** A new database holding the migrated ledger schema, with a pool of at most {@code poolSizeMax} connections. */
    public static HikariDataSource newDatabase(String purpose, int poolSizeMax) {
        EmbeddedPostgres server = server();
        String cleaned = purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        // PostgreSQL cuts identifiers at 63 bytes: keep the counter that makes the name unique.
        String name = "ledger_" + cleaned.substring(0, Math.min(cleaned.length(), 40)) + "_"
                + DATABASES_CREATED.incrementAndGet();
        execute(server.getPostgresDatabase(), "create database " + name + " template " + TEMPLATE_DATABASE
                + " strategy file_copy");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSizeMax);
        config.setPoolName(name);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        return new HikariDataSource(config);
    }

    public static void dropDatabase(HikariDataSource dataSource) {
        String name = dataSource.getPoolName();
        dataSource.close();
        execute(server().getPostgresDatabase(), "drop database if exists " + name + " with (force)");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            postgres = start();
            execute(postgres.getPostgresDatabase(), "create database " + TEMPLATE_DATABASE);
            LedgerSchema.migrate(postgres.getDatabase("postgres", TEMPLATE_DATABASE));
        }
        return postgres;
    }

    private static EmbeddedPostgres start() {
        try {
            Files.createDirectories(WORK_DIRECTORY);
            Path dataDirectory = Files.createTempDirectory(WORK_DIRECTORY, "data-");
            return EmbeddedPostgres.builder()
                    // Binaries are unpacked once under target/, not into /tmp on every run.
                    .setOverrideWorkingDirectory(WORK_DIRECTORY.resolve("binaries").toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky turns this off for speed; the ledger's tests run with the durability production has.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", failure);
        }
    }

    /** target/ of this module, wherever Maven was started from (surefire and exec:java differ). */
    private static Path moduleTargetDirectory() {
        try {
            Path testClasses = Path.of(EmbeddedPostgresServer.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return testClasses.getParent();
        } catch (URISyntaxException failure) {
            throw new IllegalStateException("cannot locate the test classes directory", failure);
        }
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot run '" + sql + "': " + failure.getMessage(), failure);
        }
    }
}
