package dev.paygate.gateway.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A PostgreSQL server from the Maven-shipped binaries, as units find one on the network: commits are durable. */
public final class StandalonePostgres {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private StandalonePostgres() {
    }

    /** @param binaries where the binaries are unpacked once, shared by the tests of this module */
    public static EmbeddedPostgres start(Path binaries, Path dataDirectory) throws IOException {
        Files.createDirectories(binaries);
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(dataDirectory)
                .setServerConfig("synchronous_commit", "on")
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .start();
    }
}
