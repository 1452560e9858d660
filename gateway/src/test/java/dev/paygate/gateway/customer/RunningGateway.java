package dev.paygate.gateway.customer;

import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.GatewayApplication;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.runtime.TestPorts;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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

    /** @param settings the test's own, if any, e.g. a shorter hand-over wait */
    public static RunningGateway start(String... settings) throws IOException {
        Path dataDirectory = Files.createTempDirectory(Path.of("target"), "account-runtime-");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--paygate.data-directory=" + dataDirectory,
                "--paygate.config-directory=" + CONFIG,
                "--spring.config.additional-location=optional:file:" + CONFIG + "/",
                "--paygate.card.networks.cardnet-a.port=" + TestPorts.free(),
                "--paygate.card.networks.cardnet-b.port=" + TestPorts.free()));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = SpringApplication.run(GatewayApplication.class,
                arguments.toArray(String[]::new));
        CardNetworks networks = context.getBean(CardNetworks.class);
        await().atMost(NETWORKS_WAIT).until(() -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
        return new RunningGateway(dataDirectory, context);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** What a Prometheus server scraping this gateway reads, with an operator login (HTTP Basic). */
    public String prometheusScrape(String operator, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((operator + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/actuator/prometheus"))).header("Authorization", "Basic " + basic)
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (scrape.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + scrape.statusCode());
        }
        return scrape.body();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A ticket of the seeded demo shop for its customer alice, to be signed with {@link #signedByDemoShop}. */
    public static Ticket.Builder demoTicket(long amountMinor) {
        return Ticket.simple("demo-shop", "order-" + UUID.randomUUID()).customerId("alice")
                .amountMinor(amountMinor).vatMinor(amountMinor / 6).currency("EUR").serial("S-" + amountMinor)
                .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"));
    }

    /** Signed with the demo shop's key in config/demo-shop, as the demo shop signs its tickets. */
    public static String signedByDemoShop(Ticket ticket) throws IOException, ParseException {
        return new TicketSigner(OctetKeyPair.parse(Files.readString(CONFIG.resolve("demo-shop/merchant-key.jwk.json"))))
                .sign(ticket);
    }

    /** A browser's view of this gateway (redirects not followed). */
    public FrontHttp http() {
        return new FrontHttp(port());
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
