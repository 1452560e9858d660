import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.HttpJwksSource;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenRejectedException;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.voucher.ReturnParameters;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The customers and the merchant of deploy/local-cluster/run: signs tickets with merchant-kit, opens and confirms
 * each on the payment page through the balancer as a browser would (following nothing but HTTP answers), waits on
 * the status page while a payment is undecided, and verifies the voucher or the refusal it ends with.
 * Writes one line per ticket to the results file: {@code ticketId outcome path registerSerial voucherId front
 * amountMinor}.
 *
 * <p>Arguments: balancerUrl merchantKeyFile customerPrefix customerCount password payments paymentsPerSecond
 * inFlightMax resultsFile progressFile finalWaitSeconds. Payments start at a steady rate, so that the kills of
 * deploy/local-cluster/run fall in the middle of the load.
 */
public final class ClusterDriver {

    private static final Pattern CSRF_FIELD =
            Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String FORM_REFUSED_NOTE = "id=\"form-refused\"";
    private static final Pattern REFUSAL_REASON = Pattern.compile("Reason code: <code>([a-z_]+)</code>");
    private static final String MERCHANT = "demo-shop";
    private static final String CURRENCY = "EUR";
    /** Wallet pays up to EUR 30.00 (config/application.yml); above it the card. */
    private static final long WALLET_AMOUNT_MINOR = 250;
    private static final long CARD_AMOUNT_MINOR = 4_200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration STATUS_POLL_PAUSE = Duration.ofSeconds(1);
    /** A voucher fetched late from the status page is 60 s valid plus this (merchant-kit's largest skew). */
    private static final Duration VERIFY_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final URI RETURN_URL = URI.create("http://127.0.0.1:9/shop/return");
    private static final URI CANCEL_URL = URI.create("http://127.0.0.1:9/shop/cancel");

    private final URI balancer;
    private final TicketSigner signer;
    private final VoucherVerifier vouchers;
    private final RefusalVerifier refusals;
    private final HttpClient http;
    private final String customerPrefix;
    private final int customerCount;
    private final String password;
    private final Path resultsFile;
    private final Path progressFile;
    private final long finalWaitSeconds;
    private Instant finalDeadline;
    private final AtomicInteger done = new AtomicInteger();

    private ClusterDriver(String[] args) throws Exception {
        balancer = URI.create(args[0]);
        signer = new TicketSigner(OctetKeyPair.parse(Files.readString(Path.of(args[1]))));
        Clock clock = Clock.systemUTC();
        JwksKeyResolver serverKeys = new JwksKeyResolver(
                new HttpJwksSource(balancer.resolve("/.well-known/jwks.json")), clock,
                JwksKeyResolver.DEFAULT_REFETCH_INTERVAL_MIN, JwksKeyResolver.DEFAULT_TIME_TO_LIVE);
        vouchers = VoucherVerifier.builder(serverKeys).clock(clock).clockSkew(VERIFY_CLOCK_SKEW).build();
        refusals = new RefusalVerifier(serverKeys, clock, VERIFY_CLOCK_SKEW);
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        customerPrefix = args[2];
        customerCount = Integer.parseInt(args[3]);
        password = args[4];
        resultsFile = Path.of(args[8]);
        progressFile = Path.of(args[9]);
        finalWaitSeconds = Long.parseLong(args[10]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 11) {
            System.err.println("usage: ClusterDriver balancerUrl merchantKeyFile customerPrefix customerCount password "
                    + "payments paymentsPerSecond inFlightMax resultsFile progressFile finalWaitSeconds");
            System.exit(2);
        }
        new ClusterDriver(args).run(Integer.parseInt(args[5]), Double.parseDouble(args[6]), Integer.parseInt(args[7]));
    }

    private void run(int payments, double paymentsPerSecond, int inFlightMax) throws Exception {
        Files.deleteIfExists(resultsFile);
        long loadMs = (long) (payments * 1000 / paymentsPerSecond);
        // Every payment gets the same time to end final after the load, however late it started.
        finalDeadline = Instant.now().plusMillis(loadMs).plusSeconds(finalWaitSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(inFlightMax);
        List<Future<String>> results = new ArrayList<>();
        long startNanos = System.nanoTime();
        for (int i = 1; i <= payments; i++) {
            int number = i;
            long dueNanos = startNanos + (long) ((i - 1) * 1e9 / paymentsPerSecond);
            Thread.sleep(Duration.ofNanos(Math.max(0, dueNanos - System.nanoTime())));
            results.add(pool.submit(() -> pay(number)));
        }
        pool.shutdown();
        for (Future<String> result : results) {
            String line = result.get();
            Files.writeString(resultsFile, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** One customer's purchase, from the pay link to a verified voucher or refusal. */
    private String pay(int number) {
        String customer = customerPrefix + (1 + number % customerCount);
        long amountMinor = number % 2 == 0 ? WALLET_AMOUNT_MINOR : CARD_AMOUNT_MINOR;
        Ticket ticket = Ticket.simple(MERCHANT, "cluster-order-" + number)
                // Base 36: hex ids ran into 13 or more digits now and then, which read as a card number in a PAN sweep.
                .ticketId("tkt-cluster-" + number + "-" + Long.toString(System.nanoTime(), Character.MAX_RADIX))
                .customerId(customer)
                .item("cluster-item", "Cluster article", 1, amountMinor)
                .vatMinor(amountMinor / 6)
                .currency(CURRENCY)
                .serial("CLUSTER-" + number)
                .returnUrl(RETURN_URL)
                .cancelUrl(CANCEL_URL)
                .validFor(Duration.ofMinutes(15))
                .build();
        String compact = signer.sign(ticket);
        String line;
        try {
            line = ticket.ticketId() + " " + settle(ticket, compact, customer);
        } catch (TokenRejectedException e) {
            line = ticket.ticketId() + " rejected " + e.code() + " - - -";
        } catch (Exception e) {
            line = ticket.ticketId() + " error " + e.getClass().getSimpleName() + " - - -";
        }
        line += " " + amountMinor;
        int count = done.incrementAndGet();
        try {
            Files.writeString(progressFile, Integer.toString(count));
        } catch (IOException ignored) {
            // Progress is only a hint for the kill schedule.
        }
        return line;
    }

    private String settle(Ticket ticket, String compact, String customer) throws Exception {
        HttpResponse<String> page = open(compact);
        if (page.statusCode() != 200) {
            return "page-" + page.statusCode() + " - - - " + front(page);
        }
        HttpResponse<String> answer = confirmOnPage(page, compact, customer);
        int confirmStatus = answer.statusCode();
        boolean paidAgain = false;
        // Undecided (202) or the front died under the request: the status page tells, as a browser's refresh would.
        // Asked with the ticket itself, so that any front answers, also after the one holding the session died.
        while (answer.statusCode() != 303 && refusalReason(answer).isEmpty() && Instant.now().isBefore(finalDeadline)) {
            Thread.sleep(STATUS_POLL_PAUSE);
            answer = send(HttpRequest.newBuilder(balancer.resolve("/pay/status/" + ticket.ticketId()
                    + "?ticket=" + encode(compact))).GET());
            if (answer.statusCode() == 404 && !paidAgain) {
                // The gateway never took the confirm (its database was away): the customer pays from the link again.
                paidAgain = true;
                page = open(compact);
                // Any other page (ticket_used: the confirm was taken after all) is not the outcome; the status is.
                if (page.statusCode() == 200) {
                    answer = confirmOnPage(page, compact, customer);
                }
            }
        }
        Optional<String> refused = refusalReason(answer);
        if (refused.isPresent()) {
            // The payment page's refusal: final, its reason on the page (the merchant hears of it by webhook).
            return "refused " + refused.get() + " - - " + front(answer);
        }
        if (answer.statusCode() != 303) {
            // The HTTP statuses of the confirm and of the last status page say where it stuck.
            return "pending confirm-" + confirmStatus + " status-" + answer.statusCode() + " - " + front(answer);
        }
        return verify(ticket, answer.headers().firstValue("Location").orElseThrow()) + " " + front(answer);
    }

    private HttpResponse<String> open(String compact) throws Exception {
        return send(HttpRequest.newBuilder(balancer.resolve("/pay/" + compact)).GET());
    }

    /**
     * Confirms on the page; when the page comes back with a fresh form (403: the front that showed it died, and
     * with it the form's token; nothing was done), confirms again on it, as the customer would.
     */
    private HttpResponse<String> confirmOnPage(HttpResponse<String> page, String compact, String customer)
            throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> answer = confirm(page, compact, customer, cookies);
        while (answer.statusCode() == 403 && answer.body().contains(FORM_REFUSED_NOTE)
                && Instant.now().isBefore(finalDeadline)) {
            answer = confirm(answer, compact, customer, cookies);
        }
        return answer;
    }

    /** As a browser: the page's cookies (session, the balancer's front) and its form's CSRF token go back. */
    private HttpResponse<String> confirm(HttpResponse<String> page, String compact, String customer,
                                         Map<String, String> cookies) throws Exception {
        page.headers().allValues("Set-Cookie").forEach(cookie -> {
            String[] nameAndValue = cookie.split(";", 2)[0].split("=", 2);
            cookies.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        });
        Matcher token = CSRF_FIELD.matcher(page.body());
        String form = "ticket=" + encode(compact) + "&customerId=" + encode(customer) + "&password=" + encode(password)
                + (token.find() ? "&csrf=" + encode(token.group(1)) : "");
        return send(HttpRequest.newBuilder(balancer.resolve("/pay/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                        .collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** As a merchant's server does: keys that could not be fetched just now are fetched again, after a pause. */
    private String verify(Ticket ticket, String location) throws Exception {
        while (true) {
            try {
                return verifyOnce(ticket, location);
            } catch (TokenRejectedException e) {
                if (e.reason() != RejectionReason.KEYS_UNAVAILABLE || Instant.now().isAfter(finalDeadline)) {
                    throw e;
                }
                Thread.sleep(JwksKeyResolver.DEFAULT_REFETCH_INTERVAL_MIN);
            }
        }
    }

    private String verifyOnce(Ticket ticket, String location) throws Exception {
        Optional<String> voucher = ReturnParameters.voucher(location);
        if (voucher.isPresent()) {
            Voucher verified = vouchers.verify(voucher.get(), ticket);
            return "approved " + verified.path().code() + " " + verified.registerSerial() + " "
                    + verified.voucherId();
        }
        Optional<String> refusal = ReturnParameters.refusal(location);
        if (refusal.isPresent()) {
            Refusal verified = refusals.verify(refusal.get(), ticket);
            return "refused " + verified.reason().code() + " - -";
        }
        return "unverified - - -";
    }

    /**
     * Retries what a customer's browser would retry: the balancer answering 502/503/504 while a front restarts, a
     * front's page that found its database away. Any other answer of a front itself (it carries the balancer's front
     * header) is kept, whatever its status: a refusal page says 503 for an issuer that did not answer.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        while (true) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                boolean balancerError = (response.statusCode() == 502 || response.statusCode() == 503
                        || response.statusCode() == 504) && response.headers().firstValue("X-Paygate-Front").isEmpty();
                // A front's page with no refusal in it says its database is away for a moment; it asks again
                // by itself (Refresh), as here. A form is never posted again on it.
                boolean frontUnavailable = response.statusCode() == 503 && "GET".equals(built.method())
                        && refusalReason(response).isEmpty();
                if (!(balancerError || frontUnavailable) || Instant.now().isAfter(finalDeadline)) {
                    return response;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(finalDeadline)) {
                    throw e;
                }
            }
            Thread.sleep(RETRY_PAUSE);
        }
    }

    /** The reason code of a refusal page (the payment page's answer to a refused payment), if this is one. */
    private static Optional<String> refusalReason(HttpResponse<String> response) {
        Matcher reason = REFUSAL_REASON.matcher(response.body());
        return response.statusCode() >= 400 && reason.find() ? Optional.of(reason.group(1)) : Optional.empty();
    }

    private static String front(HttpResponse<String> response) {
        return response.headers().firstValue("X-Paygate-Front").orElse("-");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
