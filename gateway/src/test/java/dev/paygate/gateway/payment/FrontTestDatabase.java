package dev.paygate.gateway.payment;

import dev.paygate.gateway.database.FrontSchema;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM, started from the zonky binaries under {@code target/}, with the
 * {@code front} schema migrated. Tests keep apart by using fresh ids, not by wiping tables.
 */
public final class FrontTestDatabase {

    private static final Path WORK_DIRECTORY = Path.of("target", "front-test-postgres").toAbsolutePath();
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static DataSource dataSource;

    private FrontTestDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = start();
        }
        return dataSource;
    }

    private static DataSource start() {
        try {
            Files.createDirectories(WORK_DIRECTORY);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(WORK_DIRECTORY.toFile())
                    .setDataDirectory(Files.createTempDirectory(WORK_DIRECTORY, "cluster-"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            HikariConfig config = new HikariConfig();
            config.setPoolName("front-test");
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(8);
            config.setConnectionTimeout(5_000);
            HikariDataSource pool = new HikariDataSource(config);
            FrontSchema.migrate(pool);
            return pool;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }
}
