package dev.paygate.gateway.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway keeps its state and finds its configuration, and which parts run embedded.
 *
 * @param dataDirectory   survives restarts: PostgreSQL cluster, Artemis journal, generated keys, settlement files
 * @param configDirectory jPOS deploy descriptors, simulator cards, seed data (the repository's {@code config/})
 */
@ConfigurationProperties("paygate")
public record PaygateRuntimeProperties(
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue("config") Path configDirectory,
        @DefaultValue Embedded embedded) {

    /**
     * @param postgres     start PostgreSQL from the Maven-shipped binaries instead of using {@code spring.datasource.*}
     * @param postgresPort 0 picks a free port
     * @param simulator    start the bank simulator in this JVM on loopback
     */
    public record Embedded(
            @DefaultValue("true") boolean postgres,
            @DefaultValue("0") int postgresPort,
            @DefaultValue("paygate") String databaseName,
            @DefaultValue("true") boolean simulator) {
    }
}
