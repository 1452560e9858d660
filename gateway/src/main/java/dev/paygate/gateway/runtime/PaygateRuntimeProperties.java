package dev.paygate.gateway.runtime;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway keeps its state and finds its configuration, and which parts run embedded.
 *
 * @param dataDirectory   survives restarts: PostgreSQL cluster, Artemis journal, generated keys, settlement files
 * @param configDirectory jPOS deploy descriptors, simulator cards, seed data (the repository's {@code config/})
 * @param demoShopUrl     the demo shop's address, for the home page, the start-up log and the seeded merchants
 *                        that name none; empty when there is no demo shop
 */
@ConfigurationProperties("paygate")
public record PaygateRuntimeProperties(
        @DefaultValue("data") Path dataDirectory,
        @DefaultValue("config") Path configDirectory,
        @DefaultValue Embedded embedded,
        @DefaultValue("") String demoShopUrl) {

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
