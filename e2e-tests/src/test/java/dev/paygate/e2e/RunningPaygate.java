package dev.paygate.e2e;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
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
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The gateway and the demo shop as real processes, started from the built jars like {@code ./run} starts them (from
 * the repository root, so they read config/), on free loopback ports with fresh state in {@code target/e2e-data}.
 * Started once for all the end-to-end test classes of a run that ask for it as a parameter, and stopped when the
 * run ends (JUnit's root store closes it). Logs go to {@code target/e2e-logs}.
 */
final class RunningPaygate implements ExtensionContext.Store.CloseableResource {

    static final Path REPOSITORY_ROOT = Path.of(System.getProperty("paygate.e2e.repository-root", ".."))
            .toAbsolutePath().normalize();
    static final Path BUILD_DIRECTORY = Path.of(System.getProperty("paygate.e2e.build-directory", "target"))
            .toAbsolutePath().normalize();
    static final Path SCREENSHOT_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-screenshots");
    static final Path LOG_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-logs");
    /** A payment the front unit waits for longer than this shows the pending page; see {@link #start}. */
    static final Duration HANDOVER_WAIT = Duration.ofSeconds(6);

    // Generous: a first start (initdb) took 233 s on the shared 2-core machine at load 30; a hang lasts forever.
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Path JAR_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-jars");
    // The top-level status, not a component's: every part (database, broker, card networks) is up.
    private static final Pattern OVERALL_HEALTH_UP = Pattern.compile("\\{\\s*\"status\"\\s*:\\s*\"UP\"");
    private static final Pattern GENERATED_OPERATOR_PASSWORD = Pattern.compile("user 'admin', password '([^']+)'");

    private final ApplicationProcess gateway;
    private final ApplicationProcess shop;
    private final URI gatewayUrl;
    private final URI shopUrl;
    private final Path dataDirectory;
    private volatile String operatorPassword;

    private RunningPaygate(ApplicationProcess gateway, ApplicationProcess shop, URI gatewayUrl, URI shopUrl,
                           Path dataDirectory) {
        this.gateway = gateway;
        this.shop = shop;
        this.gatewayUrl = gatewayUrl;
        this.shopUrl = shopUrl;
        this.dataDirectory = dataDirectory;
    }

    /** The one instance of this run, started on first use. */
    static RunningPaygate in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RunningPaygate.class))
                .getOrComputeIfAbsent(RunningPaygate.class, key -> start(), RunningPaygate.class);
    }

    /**
     * The front unit waits {@link #HANDOVER_WAIT} for the back unit (20 s by default), shorter than a card network's
     * 10 s timeout, so a card that never answers shows the pending page; every other payment answers in far less.
     */
    private static RunningPaygate start() {
        HeadlessChromium.requireInstalled();
        try {
            Path dataDirectory = BUILD_DIRECTORY.resolve("e2e-data");
            BuiltJars.deleteRecursively(dataDirectory);
            BuiltJars.deleteRecursively(SCREENSHOT_DIRECTORY);
            // Not the logs: other classes of the run (the start-up test) write theirs there too.
            BuiltJars.deleteRecursively(JAR_DIRECTORY);
            int[] ports = LoopbackPorts.free(5);
            URI gatewayUrl = URI.create("http://localhost:" + ports[0]);
            URI shopUrl = URI.create("http://localhost:" + ports[1]);
            ApplicationProcess gateway = ApplicationProcess.startJar("gateway",
                    BuiltJars.extracted(REPOSITORY_ROOT, "gateway/target/paygate-gateway.jar", JAR_DIRECTORY.resolve("gateway")),
                    BuiltJars.GATEWAY_JVM_FLAGS,
                    List.of("--server.address=127.0.0.1",
                            "--server.port=" + ports[0],
                            "--paygate.data-directory=" + dataDirectory,
                            "--paygate.card.networks.cardnet-a.port=" + ports[2],
                            "--paygate.card.networks.cardnet-b.port=" + ports[3],
                            "--paygate.embedded.postgres-port=" + ports[4],
                            "--paygate.handover.reply-timeout-ms=" + HANDOVER_WAIT.toMillis(),
                            "--paygate.demo-shop-url=" + shopUrl),
                    REPOSITORY_ROOT, LOG_DIRECTORY.resolve("gateway.log"));
            ApplicationProcess shop = ApplicationProcess.startJar("demo-shop",
                    BuiltJars.privateCopy(REPOSITORY_ROOT, "demo-shop/target/demo-shop.jar", JAR_DIRECTORY),
                    List.of(),
                    List.of("--server.address=127.0.0.1",
                            "--server.port=" + ports[1],
                            "--shop.gateway-url=" + gatewayUrl,
                            "--shop.public-url=" + shopUrl),
                    REPOSITORY_ROOT, LOG_DIRECTORY.resolve("demo-shop.log"));
            RunningPaygate running = new RunningPaygate(gateway, shop, gatewayUrl, shopUrl, dataDirectory);
            gateway.awaitHttpReady(URI.create("http://127.0.0.1:" + ports[0] + "/actuator/health"),
                    body -> OVERALL_HEALTH_UP.matcher(body).lookingAt(), STARTUP_TIMEOUT);
            shop.awaitHttpReady(URI.create("http://127.0.0.1:" + ports[1] + "/"), body -> true, STARTUP_TIMEOUT);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the end-to-end run", e);
        }
    }

    @Override
    public void close() {
        try (ApplicationProcess stopLast = gateway; ApplicationProcess stopFirst = shop) {
            // try-with-resources closes both, shop first, even when one of them fails to stop.
        }
    }

    URI gatewayUrl() {
        return gatewayUrl;
    }

    URI shopUrl() {
        return shopUrl;
    }

    String gateway(String path) {
        return gatewayUrl + path;
    }

    String shop(String path) {
        return shopUrl + path;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Everything the gateway logged so far. */
    String gatewayLog() {
        return gateway.log();
    }

    /** The operator {@code admin}'s password: generated and logged at the first start, or set since. */
    String operatorPassword() {
        if (operatorPassword == null) {
            Matcher logged = GENERATED_OPERATOR_PASSWORD.matcher(gateway.log());
            if (!logged.find()) {
                throw new AssertionError("the gateway logged no generated operator password");
            }
            operatorPassword = logged.group(1);
        }
        return operatorPassword;
    }

    /** After {@code bin/paygate-operator set-password}: later sign-ins use this one. */
    void operatorPasswordChanged(String password) {
        operatorPassword = password;
    }

    /** The payment page of a ticket the demo shop's key signed, with a customer named: no shop in between. */
    String payPageFor(Ticket.Builder ticket) {
        try {
            OctetKeyPair shopKey = OctetKeyPair.parse(Files.readString(
                    REPOSITORY_ROOT.resolve("config/demo-shop/merchant-key.jwk.json")));
            return new PayLink(gatewayUrl).payUrl(new TicketSigner(shopKey).sign(ticket
                    .returnUrl(URI.create(shop("/paygate/return")))
                    .cancelUrl(URI.create(shop("/paygate/cancel")))
                    .build())).toString();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot sign a ticket with the demo shop's key", e);
        }
    }

    /** A call of the operator API as {@code admin}, JSON in and out; fails the test unless it answers {@code status}. */
    String operatorApi(String method, String path, String json, int status) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build()) {
            String credentials = Base64.getEncoder().encodeToString(("admin:" + operatorPassword())
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway(path)))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != status) {
                throw new AssertionError(method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Test classes take the running gateway and shop as a parameter of their {@code @BeforeAll} or tests. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningPaygate.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return in(context);
        }
    }
}
