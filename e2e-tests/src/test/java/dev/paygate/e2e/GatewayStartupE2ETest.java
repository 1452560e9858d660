package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway started as an operator starts it ({@code java -jar} of the extracted layout, from the repository
 * root): every start becomes ready and answers while requests hammer it from the first moment (issue 12.6: a start
 * once hung for good, both virtual-thread carriers pinned in nested-jar class loading), and a second gateway on the
 * same data directory is refused at once while the first stays healthy and keeps taking payments (issue 12.7).
 */
class GatewayStartupE2ETest {

    private static final Path REPOSITORY_ROOT = Path.of(System.getProperty("paygate.e2e.repository-root", ".."))
            .toAbsolutePath().normalize();
    private static final Path BUILD_DIRECTORY = Path.of(System.getProperty("paygate.e2e.build-directory", "target"))
            .toAbsolutePath().normalize();
    private static final Path WORK_DIRECTORY = BUILD_DIRECTORY.resolve("startup");
    private static final Path LOG_DIRECTORY = BUILD_DIRECTORY.resolve("e2e-logs");

    /** Starts in a row on one data directory; the hang was seen about once in six starts. */
    private static final int STARTS = 4;
    private static final int HAMMER_THREADS = 3;
    private static final List<String> HAMMERED_PATHS = List.of("/actuator/health", "/actuator/prometheus", "/",
            "/pay/not-a-ticket");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern OVERALL_HEALTH_UP = Pattern.compile("\\{\\s*\"status\"\\s*:\\s*\"UP\"");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");
    private static final Pattern PAY_FORM = Pattern.compile("<form class=\"pay-form\".*?</form>", Pattern.DOTALL);

    private static Path gatewayJar;

    @BeforeAll
    static void extractTheBuiltGateway() throws IOException {
        BuiltJars.deleteRecursively(WORK_DIRECTORY);
        gatewayJar = BuiltJars.extracted(REPOSITORY_ROOT, "gateway/target/paygate-gateway.jar", WORK_DIRECTORY.resolve("jar"));
    }

    @AfterAll
    static void removeWorkDirectory() throws IOException {
        BuiltJars.deleteRecursively(WORK_DIRECTORY);
    }

    @Test
    void everyStartBecomesReadyAndAnswersWhileRequestsHammerItFromTheFirstMoment() throws Exception {
        Path dataDirectory = WORK_DIRECTORY.resolve("hammered-data");
        for (int start = 1; start <= STARTS; start++) {
            int[] ports = LoopbackPorts.free(4);
            URI base = URI.create("http://127.0.0.1:" + ports[0]);
            AtomicBoolean hammering = new AtomicBoolean(true);
            Map<String, Integer> lastStatus = new ConcurrentHashMap<>();
            List<Thread> hammers = new ArrayList<>();
            try (ApplicationProcess gateway = startGateway("gateway-start-" + start, dataDirectory, ports)) {
                for (int thread = 0; thread < HAMMER_THREADS; thread++) {
                    hammers.add(Thread.ofPlatform().name("hammer-" + thread).start(() -> hammer(base, hammering, lastStatus)));
                }
                gateway.awaitHttpReady(base.resolve("/actuator/health"), body -> OVERALL_HEALTH_UP.matcher(body).lookingAt(),
                        STARTUP_TIMEOUT);
                try (HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build()) {
                    for (String path : HAMMERED_PATHS) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path))
                                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(answer.statusCode()).as("start %d: %s answers without a server error", start, path)
                                .isLessThan(500);
                    }
                }
                assertThat(lastStatus).as("start %d: the hammering itself got answers on every path", start)
                        .containsOnlyKeys(HAMMERED_PATHS);
            } finally {
                hammering.set(false);
                for (Thread hammer : hammers) {
                    hammer.join(REQUEST_TIMEOUT.toMillis() * 2);
                }
            }
        }
    }

    @Test
    void aSecondGatewayOnTheSameDataDirectoryExitsWithItsMessageWhileTheFirstStaysHealthy() throws Exception {
        Path dataDirectory = WORK_DIRECTORY.resolve("shared-data");
        int[] firstPorts = LoopbackPorts.free(4);
        URI first = URI.create("http://127.0.0.1:" + firstPorts[0]);
        try (ApplicationProcess running = startGateway("gateway-first", dataDirectory, firstPorts)) {
            running.awaitHttpReady(first.resolve("/actuator/health"), body -> OVERALL_HEALTH_UP.matcher(body).lookingAt(),
                    STARTUP_TIMEOUT);

            try (ApplicationProcess second = startGateway("gateway-second", dataDirectory, LoopbackPorts.free(4))) {
                int exitCode = second.awaitExit(REFUSAL_TIMEOUT);
                assertThat(exitCode).as("the second gateway's exit code").isNotZero();
                assertThat(second.log())
                        .contains("is in use by another Paygate gateway (PID " + running.pid() + ")")
                        .doesNotContain("Exception in thread", "\tat ");
            }

            assertThat(running.isAlive()).isTrue();
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build()) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(first.resolve("/actuator/health"))
                        .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).as("health of the first gateway").matches(OVERALL_HEALTH_UP.pattern() + "(?s).*");
            }
            assertThat(payAsAlice(first)).as("where the first gateway sends the customer after paying")
                    .startsWith("https://shop.example/return");
        }
    }

    private static ApplicationProcess startGateway(String name, Path dataDirectory, int[] ports) {
        return ApplicationProcess.startJar(name, gatewayJar, BuiltJars.GATEWAY_JVM_FLAGS,
                List.of("--server.address=127.0.0.1",
                        "--server.port=" + ports[0],
                        "--paygate.data-directory=" + dataDirectory,
                        "--paygate.card.networks.cardnet-a.port=" + ports[1],
                        "--paygate.card.networks.cardnet-b.port=" + ports[2],
                        "--paygate.embedded.postgres-port=" + ports[3]),
                REPOSITORY_ROOT, LOG_DIRECTORY.resolve(name + ".log"));
    }

    /** What a monitoring system and impatient browsers do to a starting gateway: ask again and again. */
    private static void hammer(URI base, AtomicBoolean hammering, Map<String, Integer> lastStatus) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            int next = 0;
            while (hammering.get()) {
                String path = HAMMERED_PATHS.get(next++ % HAMMERED_PATHS.size());
                try {
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve(path))
                            .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
                    lastStatus.put(path, answer.statusCode());
                } catch (IOException notListeningYet) {
                    Thread.onSpinWait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * A wallet payment through the payment page as a browser makes it: the demo shop's signed ticket, the page, its
     * form posted back with every hidden field it carries and alice's password. Returns the redirect's target.
     */
    private static String payAsAlice(URI gateway) throws IOException, InterruptedException, ParseException {
        OctetKeyPair shopKey = OctetKeyPair.parse(Files.readString(
                REPOSITORY_ROOT.resolve("config/demo-shop/merchant-key.jwk.json")));
        Ticket ticket = Ticket.simple("demo-shop", "startup-" + UUID.randomUUID())
                .item("house-blend", "House blend", 1, 1_200)
                .vatMinor(192)
                .currency("EUR")
                .serial("S-" + UUID.randomUUID())
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel"))
                .build();
        URI page = new PayLink(gateway).payUrl(new TicketSigner(shopKey).sign(ticket));
        try (HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(REQUEST_TIMEOUT).build()) {
            HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(page).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(shown.statusCode()).as("payment page").isEqualTo(200);
            Matcher form = PAY_FORM.matcher(shown.body());
            assertThat(form.find()).as("the payment page's form").isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN_INPUT.matcher(form.group());
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find() && value.find()) {
                    fields.put(name.group(1), value.group(1).replace("&amp;", "&"));
                }
            }
            fields.put("customerId", "alice");
            fields.put("password", "alice-demo-pass");
            String body = fields.entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> confirmed = browser.send(HttpRequest.newBuilder(gateway.resolve("/pay/confirm"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", gateway.toString())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).as("confirm answers with the voucher's redirect: %s", confirmed.body())
                    .isEqualTo(303);
            return confirmed.headers().firstValue("Location").orElseThrow();
        }
    }
}
