package dev.paygate.gateway.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's database: a real PostgreSQL started from the binaries Maven brought, with its
 * cluster under {@code <data>/postgres} so balances survive restarts. Replaced by {@code spring.datasource.*}
 * when {@code paygate.embedded.postgres=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paygate.embedded.postgres", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PaygateRuntimeProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().resolve("postgres");
        Path binaries = properties.dataDirectory().toAbsolutePath().resolve("postgres-binaries");
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        StalePostmaster.stopIfRunning(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // zonky deletes the cluster on close and relaxes durability by default: we want neither.
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("timezone", "UTC")
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(STARTUP_WAIT);
        int port = properties.embedded().postgresPort();
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL up on 127.0.0.1:{}, cluster in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, PaygateRuntimeProperties properties,
                                DataSourceProperties dataSourceProperties) throws SQLException {
        String databaseName = properties.embedded().databaseName();
        createDatabaseIfMissing(postgres.getPostgresDatabase(), databaseName);
        HikariConfig config = new HikariConfig();
        config.setPoolName("paygate-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", databaseName));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(5_000);
        if (dataSourceProperties.getName() != null) {
            config.setPoolName(dataSourceProperties.getName());
        }
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(DataSource server, String databaseName) throws SQLException {
        if (!databaseName.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("paygate.embedded.database-name must be a plain identifier: " + databaseName);
        }
        try (Connection connection = server.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + databaseName);
                log.info("Created database {}", databaseName);
            }
        }
    }
}
