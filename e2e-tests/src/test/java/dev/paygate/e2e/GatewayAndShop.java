package dev.paygate.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The built gateway and demo shop as real processes, as an operator runs them: from the repository root (so they
 * read config/), on free loopback ports, the gateway from its extracted jar layout as {@code ./run} starts it, with
 * fresh state for each test class in {@code target/e2e-data/<name>}. Logs go to {@code target/e2e-logs}.
 */
final class GatewayAndShop implements AutoCloseable {

    static final Path REPOSITORY_ROOT = Path.of(System.getProperty("paygate.e2e.repository-root", ".."))
            .toAbsolutePath().normalize();
    static final Path BUILD_DIRECTORY = Path.of(System.getProperty("paygate.e2e.build-directory", "target"))
            .toAbsolutePath().normalize();
    static final Path SCREENSHOT_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-screenshots");
    static final Path LOG_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-logs");

    // Generous: on a 2-core machine at load 20 a first start (initdb, migrations) took over three minutes; a hang
    // lasts forever.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    // The top-level status, not a component's: every part (database, broker, card networks) is up.
    private static final Pattern OVERALL_HEALTH_UP = Pattern.compile("\\{\\s*\"status\"\\s*:\\s*\"UP\"");

    private final ApplicationProcess gateway;
    private final ApplicationProcess shop;
    private final URI gatewayUrl;
    private final URI shopUrl;

    private GatewayAndShop(ApplicationProcess gateway, ApplicationProcess shop, URI gatewayUrl, URI shopUrl) {
        this.gateway = gateway;
        this.shop = shop;
        this.gatewayUrl = gatewayUrl;
        this.shopUrl = shopUrl;
    }

    /** @param name this test class's own directories and log files, e.g. {@code checkout} */
    static GatewayAndShop start(String name) throws IOException {
        Path dataDirectory = BUILD_DIRECTORY.resolve("e2e-data").resolve(name);
        Path jarDirectory = BUILD_DIRECTORY.resolve("e2e-jars").resolve(name);
        BuiltJars.deleteRecursively(dataDirectory);
        BuiltJars.deleteRecursively(jarDirectory);

        int[] ports = LoopbackPorts.free(5);
        int gatewayPort = ports[0];
        int shopPort = ports[1];
        URI gatewayUrl = URI.create("http://localhost:" + gatewayPort);
        URI shopUrl = URI.create("http://localhost:" + shopPort);

        ApplicationProcess gateway = ApplicationProcess.startJar("gateway",
                BuiltJars.extracted(REPOSITORY_ROOT, "gateway/target/paygate-gateway.jar", jarDirectory.resolve("gateway")),
                BuiltJars.GATEWAY_JVM_FLAGS,
                List.of("--server.address=127.0.0.1",
                        "--server.port=" + gatewayPort,
                        "--paygate.data-directory=" + dataDirectory,
                        "--paygate.card.networks.cardnet-a.port=" + ports[2],
                        "--paygate.card.networks.cardnet-b.port=" + ports[3],
                        "--paygate.embedded.postgres-port=" + ports[4],
                        "--paygate.demo-shop-url=" + shopUrl),
                REPOSITORY_ROOT, LOG_DIRECTORY.resolve(name + "-gateway.log"));
        ApplicationProcess shop = ApplicationProcess.startJar("demo-shop",
                BuiltJars.privateCopy(REPOSITORY_ROOT, "demo-shop/target/demo-shop.jar", jarDirectory),
                List.of(),
                List.of("--server.address=127.0.0.1",
                        "--server.port=" + shopPort,
                        "--shop.gateway-url=" + gatewayUrl,
                        "--shop.public-url=" + shopUrl),
                REPOSITORY_ROOT, LOG_DIRECTORY.resolve(name + "-demo-shop.log"));
        GatewayAndShop started = new GatewayAndShop(gateway, shop, gatewayUrl, shopUrl);
        try {
            gateway.awaitHttpReady(URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health"),
                    body -> OVERALL_HEALTH_UP.matcher(body).lookingAt(), STARTUP_TIMEOUT);
            shop.awaitHttpReady(URI.create("http://127.0.0.1:" + shopPort + "/"), body -> true, STARTUP_TIMEOUT);
        } catch (AssertionError | RuntimeException notReady) {
            started.close();
            throw notReady;
        }
        return started;
    }

    URI gatewayUrl() {
        return gatewayUrl;
    }

    URI shopUrl() {
        return shopUrl;
    }

    /** Everything the gateway wrote so far. */
    String gatewayLog() {
        return gateway.log();
    }

    @Override
    public void close() {
        try (ApplicationProcess stopLast = gateway; ApplicationProcess stopFirst = shop) {
            // try-with-resources closes both, shop first, even when one of them fails to stop.
        }
    }
}
