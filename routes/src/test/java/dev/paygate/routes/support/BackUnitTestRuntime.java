package dev.paygate.routes.support;

import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts an integration test of the pipeline runs against, started once per test JVM: PostgreSQL
 * from Maven's binaries and the bank simulator on loopback. Artemis is embedded by Spring Boot itself.
 */
public final class BackUnitTestRuntime {

    public static final Path CONFIG = Path.of("..", "config");
    private static final Path WORK = Path.of("target", "it-runtime");

    private static EmbeddedPostgres postgres;
    private static BankSimulator simulator;

    private BackUnitTestRuntime() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry, String database) {
        properties(database).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The settings that point a back unit at these parts, in a fresh database of that name. */
    public static synchronized Map<String, Object> properties(String database) {
        start();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", createDatabase(database)));
        properties.put("spring.datasource.username", "postgres");
        properties.put("paygate.card.networks.cardnet-a.port", simulator.port("cardnet-a"));
        properties.put("paygate.card.networks.cardnet-b.port", simulator.port("cardnet-b"));
        properties.put("paygate.card.work-directory", WORK.resolve("q2-" + database).toString());
        properties.put("paygate.vault.key-file", WORK.resolve("vault-" + database + ".properties").toString());
        return properties;
    }

    public static BankSimulator simulator() {
        start();
        return simulator;
    }

    private static void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(WORK);
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(WORK.resolve("pg-binaries").toFile())
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The "slow" test card answers after 1.5 s: inside the tests' 3 s network timeout; the "late" one after
        // 4.5 s: outside it, by a margin that holds on a loaded machine.
        simulator = BankSimulator.start(SimulatorConfig.load(CONFIG.resolve("bank-simulator/simulator.yml"))
                .withEphemeralPorts().withSlowDelay(Duration.ofMillis(1500)).withLateDelay(Duration.ofMillis(4500)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
    }

    private static String createDatabase(String database) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
            return database;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }
}
