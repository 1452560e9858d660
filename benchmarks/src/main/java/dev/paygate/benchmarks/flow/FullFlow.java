package dev.paygate.benchmarks.flow;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import dev.paygate.merchant.jose.HttpJwksSource;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.voucher.ReturnParameters;
import dev.paygate.merchant.voucher.VoucherVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One payment as a merchant and a browser make it, and nothing more: the merchant signs a ticket with
 * merchant-kit, the browser opens the payment page, posts the confirmation with the customer's id and
 * password, and brings the voucher from the 303 to the merchant, who verifies it (server keys from the JWKS,
 * fetched once and cached as merchant-kit does). The return URL itself is not fetched: the merchant's own page
 * is not Paygate's work.
 */
public final class FullFlow implements ClosedLoop.Operation {

    public static final String MERCHANT_ID = "bench-shop";
    /** Under the wallet threshold: the wallet pays. */
    private static final long AMOUNT_MINOR = 100;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI gateway;
    private final TicketSigner signer;
    private final VoucherVerifier vouchers;
    private final String password;
    private final String runId;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(HTTP_TIMEOUT)
            .build();
    /** {completion time, confirm latency} in nanoseconds, for the confirm step's own percentiles. */
    private final ConcurrentLinkedQueue<long[]> confirms = new ConcurrentLinkedQueue<>();

    public FullFlow(URI gateway, OctetKeyPair merchantKey, String password, String runId) {
        this.gateway = gateway;
        this.signer = new TicketSigner(merchantKey);
        this.vouchers = VoucherVerifier.builder(
                new JwksKeyResolver(new HttpJwksSource(gateway.resolve("/.well-known/jwks.json")))).build();
        this.password = password;
        this.runId = runId;
    }

    @Override
    public void run(int worker, long sequence) throws Exception {
        String orderId = runId + "-" + sequence;
        Ticket ticket = Ticket.simple(MERCHANT_ID, orderId)
                .item("coffee", "Bench coffee", 1, AMOUNT_MINOR)
                .amountMinor(AMOUNT_MINOR)
                .vatMinor(16)
                .currency("EUR")
                .serial("S" + orderId)
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel"))
                .build();
        String compact = signer.sign(ticket);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(gateway.resolve("/pay/" + compact))
                .timeout(HTTP_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("payment page answered " + page.statusCode());
        }
        // As a browser: the form's CSRF token goes back with the page's session cookie.
        String session = page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new IllegalStateException("the payment page set no session cookie"));
        Matcher token = CSRF_FIELD.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("the payment page carries no CSRF token");
        }
        String form = "ticket=" + encode(compact) + "&customerId=" + encode(BenchConfig.customerId(worker))
                + "&password=" + encode(password) + "&csrf=" + encode(token.group(1));
        long confirmStart = System.nanoTime();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(gateway.resolve("/pay/confirm"))
                .timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        long confirmEnd = System.nanoTime();
        confirms.add(new long[] {confirmEnd, confirmEnd - confirmStart});
        String location = confirmed.headers().firstValue("Location").orElse("");
        if (confirmed.statusCode() != 303 || !location.contains("voucher=")) {
            throw new IllegalStateException("confirm answered " + confirmed.statusCode() + " without a voucher");
        }
        vouchers.verify(ReturnParameters.voucher(location)
                .orElseThrow(() -> new IllegalStateException("no voucher in the redirect")), ticket);
    }

    /** Percentiles of the confirm step alone, over confirms that ended in the window. */
    public Measurement confirmsBetween(long fromNanos, long untilNanos, int concurrency) {
        long[] latencies = confirms.stream()
                .filter(confirm -> confirm[0] >= fromNanos && confirm[0] <= untilNanos)
                .mapToLong(confirm -> confirm[1])
                .toArray();
        return Measurement.of(concurrency, latencies, latencies.length, 0, (untilNanos - fromNanos) / 1e9);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
