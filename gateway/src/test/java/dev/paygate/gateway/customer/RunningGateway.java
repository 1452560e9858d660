package dev.paygate.gateway.customer;

import static org.awaitility.Awaitility.await;

import dev.paygate.gateway.GatewayApplication;
import dev.paygate.gateway.runtime.TestPorts;
import dev.paygate.routes.card.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole gateway as a user starts it (embedded PostgreSQL, Artemis, bank simulator, demo seed with
 * customers alice and bob and merchant demo-shop) on a fresh data directory, for HTTP tests of the account
 * pages and the merchant API.
 */
public final class RunningGateway implements AutoCloseable {

    /** Absolute: Spring's String-to-Path conversion does not take "../". */
    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    private static final Duration NETWORKS_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final ConfigurableApplicationContext context;

    private RunningGateway(Path dataDirectory, ConfigurableApplicationContext context) {
        this.dataDirectory = dataDirectory;
        this.context = context;
    }

    public static RunningGateway start() throws IOException {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "account-runtime-");
        ConfigurableApplicationContext context = SpringApplication.run(GatewayApplication.class,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--paygate.data-directory=" + dataDirectory,
                "--paygate.config-directory=" + CONFIG,
                "--spring.config.additional-location=optional:file:" + CONFIG + "/",
                "--paygate.card.networks.cardnet-a.port=" + TestPorts.free(),
                "--paygate.card.networks.cardnet-b.port=" + TestPorts.free());
        CardNetworks networks = context.getBean(CardNetworks.class);
        await().atMost(NETWORKS_WAIT).until(() -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
        return new RunningGateway(dataDirectory, context);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A payment decided by the back unit, as the payment page would hand it over. */
    public Decision pay(String customerId, String merchantId, long amountMinor, String orderId) {
        return bean(PaymentHandover.class).handOver(new PaymentOrder("tkt-" + UUID.randomUUID(), merchantId,
                customerId, orderId, amountMinor, amountMinor / 6, "EUR", "R-" + orderId, List.of(), Instant.now(), Instant.now().plusSeconds(600)));
    }

    @Override
    public void close() {
        context.close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
