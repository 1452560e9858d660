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
import org.springframework.context.SmartLifecycle;

/**
 * jPOS Q2 in this JVM, running the channel and MUX descriptors of {@code config/routes/deploy}.
 * Q2 renames descriptors it cannot deploy, so it works on a copy and the operator's files stay untouched.
 *
 * <p>Q2 deploys on its own thread (its licence check and descriptors take seconds) while the rest of the gateway
 * starts; the start-up ends only once it has deployed ({@link #start()}, a lifecycle step), and anything that needs
 * a MUX before then waits for it ({@link #awaitDeployed()}).
 */
public final class Q2Runtime implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Q2Runtime.class);

    private final Q2 q2;
    private final Path deployDirectory;
    private final long startedNanos;
    private final long startupTimeoutMs;
    private volatile boolean deployed;

    private Q2Runtime(Q2 q2, Path deployDirectory, long startedNanos, long startupTimeoutMs) {
        this.q2 = q2;
        this.deployDirectory = deployDirectory;
        this.startedNanos = startedNanos;
        this.startupTimeoutMs = startupTimeoutMs;
    }

    /** Starts deploying the descriptors and returns at once. */
    public static Q2Runtime deploy(CardNetworkProperties properties) {
        publishNetworkSettings(properties.networks());
        Path deployDirectory = refreshDeployDirectory(properties.deployDirectory(), properties.workDirectory().resolve("deploy"));
        long startedNanos = System.nanoTime();
        Q2 q2 = new Q2(new String[] {
                "--deploydir=" + deployDirectory.toAbsolutePath(),
                "--no-jfr", "--no-shutdown-hook", "--no-scan"});
        q2.start();
        return new Q2Runtime(q2, deployDirectory, startedNanos, properties.startupTimeoutMs());
    }

    /**
     * Waits until Q2 has deployed every descriptor, at most what is left of {@code startup-timeout-ms} since it
     * began.
     *
     * @throws IllegalStateException when it has not deployed within that time
     */
    public void awaitDeployed() {
        if (deployed) {
            return;
        }
        long waitedMs = (System.nanoTime() - startedNanos) / 1_000_000;
        if (!q2.ready(Math.max(0, startupTimeoutMs - waitedMs))) {
            throw new IllegalStateException("jPOS Q2 did not deploy " + deployDirectory + " within "
                    + startupTimeoutMs + " ms");
        }
        if (!deployed) {
            deployed = true;
            log.info("jPOS Q2 {} deployed {} in {} ms", Q2.getVersion(), deployDirectory,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** Whether Q2 has deployed, without waiting for it. */
    public boolean isDeployed() {
        return deployed || q2.ready();
    }

    /** The gateway is not ready before Q2 is: a Q2 that does not deploy fails the start-up, as before. */
    @Override
    public void start() {
        awaitDeployed();
    }

    /** Before the web server opens: its health page would otherwise ask a network link still being deployed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public void stop() {
        // close() stops Q2, once the beans that use it are gone.
    }

    @Override
    public boolean isRunning() {
        return deployed;
    }

    /** The descriptors read {@code ${network.<name>.host}} and friends from jPOS's environment (system properties). */
    private static void publishNetworkSettings(Map<String, CardNetworkProperties.Network> networks) {
        networks.forEach((name, network) -> {
            String prefix = "network." + name + ".";
            System.setProperty(prefix + "host", network.host());
            System.setProperty(prefix + "port", Integer.toString(network.port()));
            System.setProperty(prefix + "reconnect-delay-ms", Long.toString(network.reconnectDelayMs()));
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
