package dev.paygate.gateway.merchantdashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.customer.RunningGateway;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.ticket.TicketCheck;
import dev.paygate.gateway.webhook.WebhookReceiver;
import dev.paygate.gateway.webhook.WebhookSettings;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.webhook.WebhookVerifier;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.sweep.DailySweepJob;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merchant dashboard over real HTTP on the whole gateway (back office over Artemis, ledger in PostgreSQL): a
 * sign-in with an API key, payments with search and filters, one payment's whole story, refunds from the page, the
 * till with its settlement files, webhook endpoints with test events and resends, and keys.
 */
class MerchantDashboardTest {

    private static final String OTHER_SHOP = "other-dash-shop";
    private static final String WEBHOOK_SECRET = "whsec_dashboard_test_secret_0123";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern REFUND_KEY = Pattern.compile("name=\"refundKey\" value=\"([^\"]+)\"");

    private static RunningGateway gateway;
    private static WebhookReceiver receiver;
    private static MerchantApiKeys.IssuedApiKey demoShopKey;
    private static MerchantApiKeys.IssuedApiKey otherShopKey;

    private FrontHttp browser;

    @BeforeAll
    static void startGatewayWithTwoMerchants() throws Exception {
        gateway = RunningGateway.start("--paygate.webhook.poll-interval-ms=100");
        receiver = new WebhookReceiver();
        gateway.bean(MerchantKeys.class).register(OTHER_SHOP, "Other Dash Shop",
                Ed25519Keys.publicJwk(Ed25519Keys.generate("other-dash-key-1")));
        gateway.bean(MerchantRecords.class).create(new NewMerchant(OTHER_SHOP, "Other Dash Shop", "5812",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "ODASH001", "ODASHSHOP000001",
                "Other Dash Shop          Berlin       DE", "EUR"));
        demoShopKey = gateway.bean(MerchantApiKeys.class).issue("demo-shop");
        otherShopKey = gateway.bean(MerchantApiKeys.class).issue(OTHER_SHOP);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        gateway.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser = gateway.http();
    }

    @Test
    void signsInWithAnApiKeyAndShowsTheOverview() {
        notifyDemoShopAt("/overview");
        HttpResponse<String> signedIn = signIn(demoShopKey);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> overview = browser.get("/merchant");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Paygate Demo Coffee (demo-shop)", "id=\"till-balance\"",
                "Latest payments", receiver.url("/overview").toString());
        assertThat(overview.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'", "form-action 'self'");
    }

    @Test
    void aWrongSecretShowsTheSignInAgainAndEveryOtherPageSendsThereFirst() {
        browser.get("/merchant");
        HttpResponse<String> refused = browser.submitOpenedPage("/merchant/login",
                Map.of("keyId", demoShopKey.keyId(), "secret", "not-the-secret-not-the-secret-not-the-secret"));
        browser.get("/merchant");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("is not correct");
        for (String page : new String[] {"/merchant/payments", "/merchant/till", "/merchant/webhooks", "/merchant/keys"}) {
            HttpResponse<String> answer = browser.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/merchant");
        }
    }

    @Test
    void aFormPostedWithoutTheSessionsCsrfTokenChangesNothing() {
        signIn(demoShopKey);
        int keysBefore = gateway.bean(MerchantApiKeys.class).list("demo-shop").size();

        HttpResponse<String> forged = browser.postForm("/merchant/keys/api", Map.of());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(gateway.bean(MerchantApiKeys.class).list("demo-shop")).hasSize(keysBefore);
    }

    @Test
    void searchesPaymentsByIdAndFiltersByStatusAndPathAndOnlyTheMerchantsOwn() {
        String orderId = "dash-search-" + UUID.randomUUID();
        Decision wanted = gateway.pay("alice", "demo-shop", 321, orderId);
        gateway.pay("alice", "demo-shop", 123, "dash-other-" + UUID.randomUUID());
        Decision others = gateway.pay("alice", OTHER_SHOP, 456, orderId);
        Decision refused = gateway.pay("bob", "demo-shop", 2_500, "dash-refused-" + UUID.randomUUID());
        signIn(demoShopKey);

        String byOrder = browser.get("/merchant/payments?q=" + orderId).body();
        String refusedOnly = browser.get("/merchant/payments?status=REFUSED&path=wallet&from="
                + LocalDate.now(ZoneOffset.UTC) + "&to=" + LocalDate.now(ZoneOffset.UTC)).body();
        HttpResponse<String> badDay = browser.get("/merchant/payments?from=yesterday");

        assertThat(byOrder).contains("data-ticket-id=\"" + wanted.ticketId() + "\"", "1-1 of 1")
                .doesNotContain(others.ticketId());
        assertThat(refusedOnly).contains("data-ticket-id=\"" + refused.ticketId() + "\"", "insufficient_funds")
                .doesNotContain(wanted.ticketId());
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(badDay.body()).contains("Check the search");
    }

    @Test
    void onePaymentsStoryHasTicketDecisionVoucherWebhooksWithAttemptsAndRefundsMadeFromThePage() throws Exception {
        notifyDemoShopAt("/story");
        receiver.failFirst("/story", 1);
        Ticket ticket = RunningGateway.demoTicket(1_400).build();
        HttpResponse<String> paid = gateway.http().submit("/pay/confirm",
                Map.of("ticket", RunningGateway.signedByDemoShop(ticket), "password", "alice-demo-pass"));
        assertThat(paid.statusCode()).as("redirected to the shop with the voucher").isEqualTo(303);
        await().atMost(WAIT).until(() -> receiver.accepted("/story").stream()
                .anyMatch(received -> new String(received.body(), StandardCharsets.UTF_8).contains(ticket.ticketId())));
        signIn(demoShopKey);
        String storyPath = "/merchant/payments/" + ticket.ticketId();

        String story = browser.get(storyPath).body();
        assertThat(story).contains(ticket.orderId(), ticket.serial(), "approved", "wallet", "id=\"voucher-id\"",
                "payment.approved", "HTTP 500", "HTTP 204", "Up to");

        String firstForm = refundKeyOf(story);
        HttpResponse<String> refunded = browser.submitOpenedPage(storyPath + "/refunds",
                Map.of("amount", "4,00", "currency", "EUR", "refundKey", firstForm));
        browser.submitOpenedPage(storyPath + "/refunds",
                Map.of("amount", "4,00", "currency", "EUR", "refundKey", firstForm));

        assertThat(refunded.statusCode()).isEqualTo(302);
        String after = browser.get(storyPath).body();
        assertThat(after).contains("Refunded", "payment.refunded").containsPattern("id=\"refunds-table\"");
        assertThat(gateway.bean(PaymentRegister.class).findByTicket(ticket.ticketId())
                .orElseThrow().refundedMinor()).as("the same form refunds once").isEqualTo(400);
    }

    @Test
    void aRefundAboveWhatIsLeftIsRefusedWithItsReasonAndMovesNothing() {
        Decision payment = gateway.pay("alice", "demo-shop", 500, "dash-over-" + UUID.randomUUID());
        signIn(demoShopKey);
        String storyPath = "/merchant/payments/" + payment.ticketId();
        long aliceBefore = gateway.bean(Accounts.class).wallet("alice").orElseThrow().balanceMinor();

        browser.submitOpenedPage(storyPath + "/refunds", Map.of("amount", "5.01", "currency", "EUR",
                "refundKey", refundKeyOf(browser.get(storyPath).body())));

        assertThat(browser.get(storyPath).body()).contains("exceeds_paid_amount", "Nothing was refunded");
        assertThat(gateway.bean(Accounts.class).wallet("alice").orElseThrow().balanceMinor()).isEqualTo(aliceBefore);
    }

    @Test
    void anotherMerchantsPaymentIsNotFoundAndCannotBeRefunded() {
        Decision theirs = gateway.pay("alice", "demo-shop", 700, "dash-theirs-" + UUID.randomUUID());
        signIn(otherShopKey);
        String storyPath = "/merchant/payments/" + theirs.ticketId();

        HttpResponse<String> story = browser.get(storyPath);
        browser.get("/merchant/payments");
        browser.submitOpenedPage(storyPath + "/refunds", Map.of("amount", "1.00", "currency", "EUR",
                "refundKey", UUID.randomUUID().toString()));

        assertThat(story.statusCode()).isEqualTo(404);
        assertThat(gateway.bean(PaymentRegister.class).findByTicket(theirs.ticketId())
                .orElseThrow().refundedMinor()).isZero();
    }

    @Test
    void theTillListsSweepsWhoseSettlementFileHoldsOnlyTheMerchantsOwnTransfer() {
        gateway.pay("alice", "demo-shop", 800, "dash-sweep-" + UUID.randomUUID());
        gateway.pay("alice", OTHER_SHOP, 900, "dash-sweep-" + UUID.randomUUID());
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        gateway.bean(DailySweepJob.class).sweep(day);
        signIn(demoShopKey);

        String till = browser.get("/merchant/till").body();
        HttpResponse<String> file = browser.get("/merchant/till/sweeps/" + day + "/settlement.xml");
        HttpResponse<String> otherDay = browser.get("/merchant/till/sweeps/" + day.minusDays(30) + "/settlement.xml");

        assertThat(till).contains(day.toString(), "settlement.xml");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment", "sweep-" + day + "-demo-shop-pain.001.001.09.xml");
        assertThat(file.body()).contains("pain.001.001.09", "<NbOfTxs>1</NbOfTxs>", "Paygate Demo Coffee")
                .doesNotContain("Other Dash Shop");
        assertThat(otherDay.statusCode()).isEqualTo(404);
    }

    @Test
    void aTestEventIsSignedAndDeliveredAndADeliveredEventCanBeSentAgain() throws Exception {
        notifyDemoShopAt("/tests");
        signIn(demoShopKey);
        browser.get("/merchant/webhooks");

        browser.submitOpenedPage("/merchant/webhooks/test", Map.of());
        await().atMost(WAIT).until(() -> testEvents().size() == 1);
        String eventId = testEvents().getFirst().eventId();
        await().atMost(WAIT).until(() -> browser.get("/merchant/webhooks").body()
                .contains("data-event-id=\"" + eventId + "\" data-status=\"delivered\""));
        browser.submitOpenedPage("/merchant/webhooks/resend", Map.of("eventId", eventId));

        await().atMost(WAIT).until(() -> testEvents().size() == 2);
        assertThat(testEvents()).extracting(WebhookReceiver.Received::eventId).containsOnly(eventId);
        new WebhookVerifier(WEBHOOK_SECRET)
                .verify(testEvents().getLast().signature(), testEvents().getLast().body());
    }

    @Test
    void theEndpointIsSetFromThePageAndABlankSecretKeepsTheOldOne() {
        signIn(otherShopKey);
        browser.get("/merchant/webhooks");

        browser.submitOpenedPage("/merchant/webhooks/endpoint",
                Map.of("notifyUrl", receiver.url("/other-first").toString(), "secret", "a-first-secret-0123456789"));
        browser.get("/merchant/webhooks");
        browser.submitOpenedPage("/merchant/webhooks/endpoint",
                Map.of("notifyUrl", receiver.url("/other-second").toString(), "secret", ""));
        browser.get("/merchant/webhooks");
        HttpResponse<String> plainHttp = browser.submitOpenedPage("/merchant/webhooks/endpoint",
                Map.of("notifyUrl", "http://shop.example/events", "secret", ""));

        WebhookSettings.Endpoint endpoint = gateway.bean(WebhookSettings.class).find(OTHER_SHOP).orElseThrow();
        assertThat(endpoint.notifyUrl()).isEqualTo(receiver.url("/other-second"));
        assertThat(endpoint.secret()).isEqualTo("a-first-secret-0123456789");
        assertThat(browser.get(plainHttp.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body()).contains("Not changed");
    }

    @Test
    void aSigningKeyAddedOnThePageSignsTicketsAndTheLastActiveOneCannotBeRetired() throws Exception {
        String merchantId = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        OctetKeyPair first = Ed25519Keys.generate(merchantId + "-1");
        gateway.bean(MerchantKeys.class).register(merchantId, "Key Shop", Ed25519Keys.publicJwk(first));
        signIn(gateway.bean(MerchantApiKeys.class).issue(merchantId));
        browser.get("/merchant/keys");
        OctetKeyPair second = Ed25519Keys.generate(merchantId + "-2");

        browser.submitOpenedPage("/merchant/keys/signing", Map.of("publicJwk", Ed25519Keys.publicJwkJson(second)));
        browser.get("/merchant/keys");
        browser.submitOpenedPage("/merchant/keys/signing", Map.of("publicJwk", Ed25519Keys.toPrivateJson(second)));
        browser.get("/merchant/keys");
        browser.submitOpenedPage("/merchant/keys/signing/retire", Map.of("kid", first.getKeyID()));
        browser.get("/merchant/keys");
        browser.submitOpenedPage("/merchant/keys/signing/retire", Map.of("kid", second.getKeyID()));
        String keys = browser.get("/merchant/keys").body();

        TicketCheck check = gateway.bean(TicketCheck.class);
        assertThat(check.check(new TicketSigner(second).sign(ticket(merchantId))))
                .isInstanceOf(CheckedTicket.Valid.class);
        assertThat(check.check(new TicketSigner(first).sign(ticket(merchantId))))
                .isInstanceOf(CheckedTicket.Rejected.class);
        assertThat(keys).contains("last active key");
        assertThat(gateway.bean(MerchantKeys.class).find(merchantId, second.getKeyID()).orElseThrow().active()).isTrue();
    }

    @Test
    void anApiKeyIssuedOnThePageIsShownOnceAndRevokingTheSessionsKeySignsItOut() {
        String merchantId = "apikeys-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.bean(MerchantKeys.class).register(merchantId, "Api Key Shop",
                Ed25519Keys.publicJwk(Ed25519Keys.generate(merchantId + "-1")));
        MerchantApiKeys.IssuedApiKey first = gateway.bean(MerchantApiKeys.class).issue(merchantId);
        signIn(first);
        browser.get("/merchant/keys");
        browser.submitOpenedPage("/merchant/keys/api/revoke", Map.of("keyId", first.keyId()));
        assertThat(browser.get("/merchant/keys").body()).as("the last active key stays").contains("Not revoked");

        browser.submitOpenedPage("/merchant/keys/api", Map.of());
        String withSecret = browser.get("/merchant/keys").body();
        String issuedKeyId = valueOf(withSecret, "issued-key-id");
        String issuedSecret = valueOf(withSecret, "issued-key-secret");
        assertThat(gateway.bean(MerchantApiKeys.class).authenticate(issuedKeyId, issuedSecret.toCharArray()))
                .contains(merchantId);
        assertThat(browser.get("/merchant/keys").body()).as("shown once").doesNotContain(issuedSecret);

        browser.submitOpenedPage("/merchant/keys/api/revoke", Map.of("keyId", first.keyId()));
        HttpResponse<String> afterRevoke = browser.get("/merchant/payments");

        assertThat(afterRevoke.statusCode()).isEqualTo(302);
        assertThat(browser.get("/merchant").body()).contains("Sign in with one of your API keys");
        assertThat(gateway.bean(MerchantApiKeys.class).isActive(first.keyId())).isFalse();
    }

    private HttpResponse<String> signIn(MerchantApiKeys.IssuedApiKey key) {
        browser.get("/merchant");
        return browser.submitOpenedPage("/merchant/login",
                Map.of("keyId", key.keyId(), "secret", new String(key.secret())));
    }

    private static List<WebhookReceiver.Received> testEvents() {
        return receiver.accepted("/tests").stream()
                .filter(received -> new String(received.body(), StandardCharsets.UTF_8)
                        .contains("\"type\":\"webhook.test\""))
                .toList();
    }

    /** Each test that reads deliveries gets its own path: the tests of this class share the demo shop. */
    private static void notifyDemoShopAt(String path) {
        gateway.bean(WebhookSettings.class).configure("demo-shop", receiver.url(path), WEBHOOK_SECRET);
    }

    private static Ticket ticket(String merchantId) {
        return Ticket.simple(merchantId, "order-" + UUID.randomUUID()).amountMinor(100).currency("EUR").serial("s-1")
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel")).build();
    }

    private static String refundKeyOf(String page) {
        Matcher key = REFUND_KEY.matcher(page);
        assertThat(key.find()).as("a refund form on the page").isTrue();
        return key.group(1);
    }

    private static String valueOf(String page, String id) {
        Matcher value = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(page);
        assertThat(value.find()).as(id).isTrue();
        return value.group(1);
    }
}
