package dev.paygate.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.gateway.GatewayApplication;
import dev.paygate.ledger.Accounts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default as a user starts it: real PostgreSQL from Maven's binaries, Artemis in the JVM,
 * the bank simulator on loopback, demo data seeded once; stopped and started again on the same data.
 */
class EmbeddedRuntimeTest {

    private static final Duration HEALTH_WAIT = Duration.ofSeconds(30);
    /** Absolute: Spring's String-to-Path conversion does not take "../". */
    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    private static Path dataDirectory;

    @BeforeAll
    static void freshDataDirectory() throws IOException {
        dataDirectory = Files.createTempDirectory(Path.of("target"), "embedded-runtime-");
    }

    @AfterAll
    static void removeDataDirectory() throws IOException {
        deleteRecursively(dataDirectory);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void startsWithEveryComponentUpAndKeepsBalancesAcrossARestart() throws Exception {
        long aliceBalanceMinor;
        try (ConfigurableApplicationContext first = start()) {
            String health = awaitHealthUp(first);
            assertThat(health).contains("\"db\":{\"status\":\"UP\"", "\"jms\":{\"status\":\"UP\"",
                    "\"cardnet-a\":{\"status\":\"UP\"", "\"cardnet-b\":{\"status\":\"UP\"");
            assertThat(get(first, "/")).contains("Paygate payment server", "Open the demo shop");
            AddressSettings requests = first.getBean(EmbeddedActiveMQ.class).getActiveMQServer()
                    .getAddressSettingsRepository().getMatch("paygate.payment.request");
            assertThat(requests.getMaxDeliveryAttempts()).as("poison messages are parked, not redelivered forever")
                    .isEqualTo(10);
            assertThat(requests.getDeadLetterAddress().toString()).isEqualTo("paygate.payment.dead-letter");
            assertDatabaseAsksForPasswords(first);
            aliceBalanceMinor = first.getBean(Accounts.class).wallet("alice").orElseThrow().balanceMinor();
            assertThat(aliceBalanceMinor).isEqualTo(10_000);
        }
        try (ConfigurableApplicationContext second = start()) {
            awaitHealthUp(second);
            assertThat(second.getBean(Accounts.class).wallet("alice").orElseThrow().balanceMinor())
                    .as("the seed ran once; the restart kept the cluster")
                    .isEqualTo(aliceBalanceMinor);
        }
    }

    @Test
    void migratesADataDirectoryWhoseDatabaseTrustedEveryLocalUser() throws Exception {
        Path earlier = Files.createTempDirectory(Path.of("target"), "trusting-runtime-");
        try {
            // What an earlier version left: initdb's "trust" for everyone, the schema owned by the superuser.
            try (EmbeddedPostgres trusting = EmbeddedPostgres.builder()
                    .setDataDirectory(earlier.resolve("postgres"))
                    .setOverrideWorkingDirectory(earlier.resolve("postgres-binaries").toFile())
                    .setCleanDataDirectory(false)
                    .start()) {
                try (Connection connection = trusting.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE paygate");
                }
                try (Connection connection = trusting.getDatabase("postgres", "paygate").getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA legacy");
                    statement.execute("CREATE TABLE legacy.kept (id bigint GENERATED ALWAYS AS IDENTITY, note text)");
                    statement.execute("INSERT INTO legacy.kept (note) VALUES ('from the earlier version')");
                }
            }
            try (ConfigurableApplicationContext migrated = start(earlier)) {
                awaitHealthUp(migrated);
                assertDatabaseAsksForPasswords(migrated);
                JdbcTemplate application = new JdbcTemplate(migrated.getBean(DataSource.class));
                assertThat(application.queryForObject("SELECT note FROM legacy.kept", String.class))
                        .isEqualTo("from the earlier version");
                application.update("INSERT INTO legacy.kept (note) VALUES ('written by the application role')");
            }
        } finally {
            deleteRecursively(earlier);
        }
    }

    /** Issue 14.4: no login without its password, and the gateway's own pool is no superuser. */
    private static void assertDatabaseAsksForPasswords(ConfigurableApplicationContext context) throws SQLException {
        int port = context.getBean(EmbeddedPostgres.class).getPort();
        for (String role : List.of("postgres", "paygate")) {
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/paygate?user=" + role)
                    .close())
                    .as("%s without a password", role)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
        }
        JdbcTemplate application = new JdbcTemplate(context.getBean(DataSource.class));
        assertThat(application.queryForObject("SELECT current_user", String.class)).isEqualTo("paygate");
        assertThat(application.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();
        assertThat(application.queryForList("SELECT DISTINCT pg_get_userbyid(nspowner) FROM pg_namespace"
                + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname NOT IN ('information_schema', 'public')", String.class))
                .as("owners of the application's schemas")
                .containsOnly("paygate");
    }

    private static ConfigurableApplicationContext start() {
        return start(dataDirectory);
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return SpringApplication.run(GatewayApplication.class,
                "--server.port=0",
                "--paygate.data-directory=" + dataDirectory,
                "--paygate.config-directory=" + CONFIG,
                "--spring.config.additional-location=optional:file:" + CONFIG + "/",
                // The simulator and the networks meet on ports of their own, away from a running gateway.
                "--paygate.card.networks.cardnet-a.port=" + TestPorts.free(),
                "--paygate.card.networks.cardnet-b.port=" + TestPorts.free(),
                // Health details are for operators (docs/security.md); this test reads them anonymously.
                "--management.endpoint.health.show-details=always",
                "--management.endpoint.health.show-components=always");
    }

    private static String get(ConfigurableApplicationContext context, String path) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String awaitHealthUp(ConfigurableApplicationContext context) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(HEALTH_WAIT);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            body = response.body();
            if (response.statusCode() == 200 && body.startsWith("{\"status\":\"UP\"")) {
                return body;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("health not UP within " + HEALTH_WAIT + ": " + body);
    }
}
