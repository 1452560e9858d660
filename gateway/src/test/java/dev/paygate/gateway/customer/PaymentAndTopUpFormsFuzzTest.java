package dev.paygate.gateway.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paygate.ledger.invariant.LedgerInvariants;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Issue 17: the two forms that move money, the payment page's Confirm ({@code POST /pay/confirm}) and the account
 * page's top-up ({@code POST /account/top-up}), meet whatever a browser sends, on the whole gateway over real HTTP.
 * The first input byte picks the form; then comes an {@code Accept-Language} line and the raw form body, in which
 * {@code @CSRF@}, {@code @TICKET@}, {@code @PASSWORD@} and {@code @KEY@} stand for the session's token, a fresh
 * ticket of the demo shop for alice, alice's password and a fresh form key, so that the committed inputs stay valid
 * and the fuzzer works from forms the gateway accepts. Every answer is a page or a redirect, never a server error or
 * a stack trace, within {@link #TIME_PER_INPUT_MAX}; the ledger's invariants hold at the end.
 * {@code ./mvnw verify} replays the committed inputs in {@code PaymentAndTopUpFormsFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1} (./faults) mutates them.
 */
class PaymentAndTopUpFormsFuzzTest {

    /** A confirm waits at most the (shortened) reply wait for the back unit; then it answers "pending". */
    private static final Duration TIME_PER_INPUT_MAX = Duration.ofSeconds(10);
    private static final String REPLY_TIMEOUT_MS = "3000";
    private static final String[] FORMS = {"/pay/confirm", "/account/top-up"};
    private static final String ALICE_PASSWORD = "alice-demo-pass";

    private static RunningGateway gateway;
    private static HttpClient alice;
    private static String csrf;

    @BeforeAll
    static void startGatewayWithAliceSignedIn() throws Exception {
        gateway = RunningGateway.start("--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS);
        alice = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = send(HttpRequest.newBuilder(uri("/account")).GET()).body();
        send(post("/account/login", "csrf=" + Browser.csrfOf(loginPage) + "&customerId=alice&password=" + ALICE_PASSWORD));
        csrf = Browser.csrfOf(send(HttpRequest.newBuilder(uri("/account")).GET()).body());
    }

    @AfterAll
    static void ledgerStillBalancesAndTheGatewayStops() {
        try {
            assertThat(gateway.bean(LedgerInvariants.class).check().violations()).isEmpty();
        } finally {
            gateway.close();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void everyFormPostIsAnsweredWithAPageOrARedirectInBoundedTime(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        String form = FORMS[(input[0] & 0xff) % FORMS.length];
        // ISO-8859-1 keeps every byte as it came; the placeholders are ASCII.
        String rest = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.ISO_8859_1);
        int newline = rest.indexOf('\n');
        String acceptLanguage = newline < 0 ? "" : rest.substring(0, newline);
        String body = (newline < 0 ? rest : rest.substring(newline + 1))
                .replace("@CSRF@", csrf)
                .replace("@TICKET@", RunningGateway.signedByDemoShop(RunningGateway.demoTicket(1).build()))
                .replace("@PASSWORD@", ALICE_PASSWORD)
                .replace("@KEY@", UUID.randomUUID().toString());
        HttpRequest.Builder request = post(form, body);
        if (isHeaderValue(acceptLanguage)) {
            request.header("Accept-Language", acceptLanguage);
        }
        long startNs = System.nanoTime();

        HttpResponse<String> answer = send(request);

        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(TIME_PER_INPUT_MAX);
        assertThat(answer.statusCode()).as("answer to %s", form).isBetween(200, 499);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "Whitelabel");
    }

    /** What the HTTP client lets through as a header value; anything else would fail in the client, not the server. */
    private static boolean isHeaderValue(String value) {
        return !value.isEmpty() && value.length() < 200 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return alice.send(request.timeout(TIME_PER_INPUT_MAX.multipliedBy(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(gateway.url(path));
    }
}
