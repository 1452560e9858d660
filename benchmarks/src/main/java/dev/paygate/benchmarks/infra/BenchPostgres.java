package dev.paygate.benchmarks.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bench's own PostgreSQL 18 (the binaries the gateway's embedded default uses), with the gateway's
 * durability: synchronous commit and fsync on, as money needs.
 */
public final class BenchPostgres implements AutoCloseable {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private BenchPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static BenchPostgres start(Path directory) {
        try {
            Files.createDirectories(directory);
            return new BenchPostgres(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                    .setDataDirectory(directory.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot start the bench's PostgreSQL", failure);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public HikariDataSource pool(String database, int connectionsMax) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(connectionsMax);
        config.setPoolName("bench-" + database);
        return new HikariDataSource(config);
    }

    public void createDatabase(String database) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException("cannot create database " + database, failure);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
