package dev.paygate.routes.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.jpos.q2.Q2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jPOS Q2 in this JVM, running the channel and MUX descriptors of {@code config/routes/deploy}.
 * Q2 renames descriptors it cannot deploy, so it works on a copy and the operator's files stay untouched.
 */
public final class Q2Runtime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Q2Runtime.class);

    private final Q2 q2;

    private Q2Runtime(Q2 q2) {
        this.q2 = q2;
    }

    public static Q2Runtime start(CardNetworkProperties properties) {
        publishNetworkSettings(properties.networks());
        Path deployDirectory = refreshDeployDirectory(properties.deployDirectory(), properties.workDirectory().resolve("deploy"));
        long startedNanos = System.nanoTime();
        Q2 q2 = new Q2(new String[] {
                "--deploydir=" + deployDirectory.toAbsolutePath(),
                "--no-jfr", "--no-shutdown-hook", "--no-scan"});
        q2.start();
        if (!q2.ready(properties.startupTimeoutMs())) {
            q2.shutdown(true);
            throw new IllegalStateException("jPOS Q2 did not deploy " + deployDirectory + " within "
                    + properties.startupTimeoutMs() + " ms");
        }
        log.info("jPOS Q2 {} deployed {} in {} ms", Q2.getVersion(), deployDirectory,
                (System.nanoTime() - startedNanos) / 1_000_000);
        return new Q2Runtime(q2);
    }

    /** The descriptors read {@code ${network.<name>.host}} and friends from jPOS's environment (system properties). */
    private static void publishNetworkSettings(Map<String, CardNetworkProperties.Network> networks) {
        networks.forEach((name, network) -> {
            String prefix = "network." + name + ".";
            System.setProperty(prefix + "host", network.host());
            System.setProperty(prefix + "port", Integer.toString(network.port()));
            System.setProperty(prefix + "reconnect-delay-ms", Long.toString(network.reconnectDelayMs()));
            System.setProperty(prefix + "reconnect-delay-max-ms", Long.toString(network.reconnectDelayMaxMs()));
            if (!network.header().isEmpty()) {
                System.setProperty(prefix + "header", network.header());
            }
        });
    }

    private static Path refreshDeployDirectory(Path source, Path target) {
        if (!Files.isDirectory(source)) {
            throw new IllegalStateException("jPOS deploy directory " + source.toAbsolutePath()
                    + " is missing; set paygate.card.deploy-directory");
        }
        try {
            Files.createDirectories(target);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(target)) {
                for (Path file : stale) {
                    Files.delete(file);
                }
            }
            try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(source, "*.xml")) {
                for (Path descriptor : descriptors) {
                    Files.copy(descriptor, target.resolve(descriptor.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the jPOS deploy directory " + target, e);
        }
        return target;
    }

    @Override
    public void close() {
        q2.shutdown(true);
    }
}
