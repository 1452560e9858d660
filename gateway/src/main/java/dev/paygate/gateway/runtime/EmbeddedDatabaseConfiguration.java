package dev.paygate.gateway.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's database: a real PostgreSQL started from the binaries Maven brought, with its
 * cluster under {@code <data>/postgres} so balances survive restarts, on loopback only, every login by SCRAM
 * password ({@link ClusterLogins}), the gateway's pool as the application's own non-superuser role. Replaced by
 * {@code spring.datasource.*} when {@code paygate.embedded.postgres=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paygate.embedded.postgres", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final int POOL_SIZE_MAX = 20;
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    @Bean
    DatabaseLogins databaseLogins(PaygateRuntimeProperties properties) {
        return DatabaseLogins.loadOrCreate(properties.dataDirectory().toAbsolutePath().resolve("keys"));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PaygateRuntimeProperties properties, DatabaseLogins logins)
            throws IOException, SQLException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().resolve("postgres");
        Path binaries = properties.dataDirectory().toAbsolutePath().resolve("postgres-binaries");
        Files.createDirectories(dataDirectory);
        Files.createDirectories(binaries);
        StalePostmaster.stopIfOrphaned(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // zonky deletes the cluster on close and relaxes durability by default: we want neither.
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's readiness check and every superuser connection it hands out log in with this.
                .setConnectConfig("password", logins.superuserPassword())
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPGStartupWait(STARTUP_WAIT);
        int port = properties.embedded().postgresPort();
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        StalePostmaster.recordOwner(dataDirectory);
        ClusterLogins.apply(postgres, dataDirectory, logins, databaseName(properties));
        log.info("Embedded PostgreSQL up on 127.0.0.1:{}, cluster in {}, application login {}", postgres.getPort(),
                dataDirectory, logins.applicationRole());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, PaygateRuntimeProperties properties, DatabaseLogins logins,
                                DataSourceProperties dataSourceProperties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(dataSourceProperties.getName() != null ? dataSourceProperties.getName() : "paygate-embedded");
        // Not zonky's getJdbcUrl: its "?user=postgres" would override the application's login.
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + databaseName(properties));
        config.setUsername(logins.applicationRole());
        config.setPassword(logins.applicationPassword());
        config.setMaximumPoolSize(POOL_SIZE_MAX);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        return new HikariDataSource(config);
    }

    private static String databaseName(PaygateRuntimeProperties properties) {
        String databaseName = properties.embedded().databaseName();
        if (!databaseName.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("paygate.embedded.database-name must be a plain identifier: " + databaseName);
        }
        return databaseName;
    }
}
