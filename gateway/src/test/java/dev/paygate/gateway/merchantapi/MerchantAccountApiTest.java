package dev.paygate.gateway.merchantapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.customer.RunningGateway;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.routes.order.Decision;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The merchant account API over real HTTP on the whole gateway: the seeded demo-shop and a second merchant,
 * each with its own API key, neither able to see or refund the other's payments.
 */
class MerchantAccountApiTest {

    private static final String OTHER_SHOP = "other-shop";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningGateway gateway;
    private static String demoShopKey;
    private static String otherShopKey;

    @BeforeAll
    static void startGatewayWithTwoMerchants() throws Exception {
        gateway = RunningGateway.start();
        gateway.bean(MerchantKeys.class).register(OTHER_SHOP, "Other Shop",
                Ed25519Keys.publicJwk(Ed25519Keys.generate("other-shop-key-1")));
        gateway.bean(MerchantRecords.class).create(new NewMerchant(OTHER_SHOP, "Other Shop", "5812",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "OTHER001", "OTHERSHOP000001",
                "Other Shop               Berlin       DE", "EUR"));
        demoShopKey = basic(gateway.bean(MerchantApiKeys.class).issue("demo-shop"));
        otherShopKey = basic(gateway.bean(MerchantApiKeys.class).issue(OTHER_SHOP));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aMerchantReadsOnlyTheirOwnTransactions() throws Exception {
        Decision demoPayment = gateway.pay("alice", "demo-shop", 300, "demo-" + UUID.randomUUID());
        Decision otherPayment = gateway.pay("alice", OTHER_SHOP, 200, "other-" + UUID.randomUUID());

        JsonNode demoPage = JSON.readTree(get("/transactions?page=0&size=100", demoShopKey).body());
        JsonNode otherPage = JSON.readTree(get("/transactions?size=100&status=APPROVED", otherShopKey).body());

        assertThat(ticketsOf(demoPage)).contains(demoPayment.ticketId()).doesNotContain(otherPayment.ticketId());
        assertThat(ticketsOf(otherPage)).contains(otherPayment.ticketId()).doesNotContain(demoPayment.ticketId());
        assertThat(otherPage.get("entries").findValuesAsText("merchantId")).containsOnly(OTHER_SHOP);
    }

    @Test
    void transactionsArePagedNewestFirst() throws Exception {
        Decision older = gateway.pay("alice", OTHER_SHOP, 110, "page-" + UUID.randomUUID());
        Decision newer = gateway.pay("alice", OTHER_SHOP, 120, "page-" + UUID.randomUUID());

        JsonNode first = JSON.readTree(get("/transactions?page=0&size=1", otherShopKey).body());
        JsonNode second = JSON.readTree(get("/transactions?page=1&size=1", otherShopKey).body());

        assertThat(ticketsOf(first)).containsExactly(newer.ticketId());
        assertThat(ticketsOf(second)).containsExactly(older.ticketId());
    }

    @Test
    void outOfRangePagingIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/transactions?size=101", demoShopKey);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("bad_request");
        assertThat(get("/transactions?status=PAID", demoShopKey).statusCode()).isEqualTo(400);
    }

    @Test
    void withoutTheApiKeyNothingIsShown() throws Exception {
        assertThat(get("/till", null).statusCode()).isEqualTo(401);
        assertThat(get("/transactions", "Basic " + Base64.getEncoder().encodeToString(
                "mk_nobody:not-a-secret-not-a-secret-not-a-secret".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void tillShowsWhatTheMerchantIsOwed() throws Exception {
        JsonNode till = JSON.readTree(get("/till", demoShopKey).body());

        assertThat(till.get("merchantId").asText()).isEqualTo("demo-shop");
        assertThat(till.get("currency").asText()).isEqualTo("EUR");
        assertThat(till.get("balanceMinor").asLong())
                .isEqualTo(gateway.bean(Accounts.class).till("demo-shop").orElseThrow().balanceMinor());
        assertThat(till.get("sweeps").isArray()).as("the latest sweeps, none before the first").isTrue();
    }

    @Test
    void refundIsCreatedOnceAndReplayedWithTheSameKey() throws Exception {
        Decision payment = gateway.pay("alice", "demo-shop", 1_000, "refund-" + UUID.randomUUID());
        long aliceBeforeMinor = aliceBalanceMinor();
        String refund = refundBody(payment.ticketId(), 400, "refund-" + payment.ticketId());

        HttpResponse<String> created = post("/refunds", refund, demoShopKey);
        HttpResponse<String> replayed = post("/refunds", refund, demoShopKey);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("refundedTotalMinor").asLong()).isEqualTo(400);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(aliceBalanceMinor() - aliceBeforeMinor).isEqualTo(400);
    }

    @Test
    void refundOverThePaidAmountIsAConflict() throws Exception {
        Decision payment = gateway.pay("alice", "demo-shop", 500, "over-" + UUID.randomUUID());

        HttpResponse<String> response = post("/refunds",
                refundBody(payment.ticketId(), 501, "over-" + payment.ticketId()), demoShopKey);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("exceeds_paid_amount");
    }

    @Test
    void aMerchantCannotRefundAnotherMerchantsPayment() throws Exception {
        Decision payment = gateway.pay("alice", "demo-shop", 700, "theirs-" + UUID.randomUUID());
        long aliceBeforeMinor = aliceBalanceMinor();

        HttpResponse<String> response = post("/refunds",
                refundBody(payment.ticketId(), 100, "steal-" + payment.ticketId()), otherShopKey);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).get("reason").asText()).isEqualTo("unknown_ticket");
        assertThat(aliceBalanceMinor()).isEqualTo(aliceBeforeMinor);
    }

    @Test
    void transactionsAreSearchedByOrderIdAndFilteredByPathAndDay() throws Exception {
        String orderId = "api-search-" + UUID.randomUUID();
        Decision wanted = gateway.pay("alice", OTHER_SHOP, 130, orderId);
        gateway.pay("alice", OTHER_SHOP, 140, "api-search-other-" + UUID.randomUUID());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

        JsonNode byOrder = JSON.readTree(get("/transactions?q=" + orderId, otherShopKey).body());
        JsonNode walletToday = JSON.readTree(get("/transactions?size=100&path=wallet&from=" + today + "&to=" + today,
                otherShopKey).body());
        JsonNode cardOnly = JSON.readTree(get("/transactions?path=card", otherShopKey).body());

        assertThat(ticketsOf(byOrder)).containsExactly(wanted.ticketId());
        assertThat(byOrder.get("totalEntries").asLong()).isEqualTo(1);
        assertThat(ticketsOf(walletToday)).contains(wanted.ticketId());
        assertThat(ticketsOf(cardOnly)).doesNotContain(wanted.ticketId());
        assertThat(get("/transactions?path=cash", otherShopKey).statusCode()).isEqualTo(400);
        assertThat(get("/transactions?from=2026-12-05&to=2026-12-04", otherShopKey).statusCode()).isEqualTo(400);
    }

    @Test
    void everyApiErrorIsAReasonAndAMessageNotFoundMethodAndMediaTypeIncluded() throws Exception {
        HttpResponse<String> notFound = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/no-such-thing")))
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(
                "/api/v1/merchants/me/till"))).timeout(REQUEST_TIMEOUT).header("Authorization", demoShopKey)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongType = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(
                "/api/v1/merchants/me/refunds"))).timeout(REQUEST_TIMEOUT).header("Authorization", demoShopKey)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("refund please"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> pageNotFound = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/no-such-page")))
                .timeout(REQUEST_TIMEOUT).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> notJson = post("/refunds", "{\"ticketId\": ", demoShopKey);

        assertError(notJson, 400, "bad_request");
        assertError(notFound, 404, "not_found");
        assertError(wrongMethod, 405, "method_not_allowed");
        assertError(wrongType, 415, "unsupported_media_type");
        assertThat(pageNotFound.statusCode()).isEqualTo(404);
        assertThat(pageNotFound.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(pageNotFound.body()).contains("Page not found");
    }

    @Test
    void theOpenApiDocumentHasATitleTheBuildsVersionAndADescriptionForEveryTag() throws Exception {
        JsonNode document = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/v3/api-docs")))
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(document.at("/info/title").asText()).isEqualTo("Paygate API");
        assertThat(document.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        List<String> usedTags = document.get("paths").findValues("tags").stream()
                .flatMap(tags -> java.util.stream.StreamSupport.stream(tags.spliterator(), false))
                .map(JsonNode::asText).distinct().toList();
        assertThat(usedTags).contains("Merchant account", "Merchant webhooks", "Vouchers", "Server keys");
        for (JsonNode tag : document.get("tags")) {
            assertThat(tag.get("description").asText()).as(tag.get("name").asText()).isNotBlank();
        }
        assertThat(java.util.stream.StreamSupport.stream(document.get("tags").spliterator(), false)
                .map(tag -> tag.get("name").asText()).toList()).containsAll(usedTags);
    }

    @Test
    void swaggerUiServesItsPageAndScriptsWithoutSpringsResourceChain() throws Exception {
        for (String path : List.of("/swagger-ui/index.html", "/swagger-ui/swagger-ui-bundle.js",
                "/swagger-ui/swagger-initializer.js")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url(path)))
                    .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotBlank();
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("reason").asText()).isEqualTo(reason);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.size()).as("only reason and message").isEqualTo(2);
    }

    private static List<String> ticketsOf(JsonNode page) {
        return page.get("entries").findValuesAsText("ticketId");
    }

    private static long aliceBalanceMinor() {
        return gateway.bean(Accounts.class).wallet("alice").orElseThrow().balanceMinor();
    }

    private static String refundBody(String ticketId, long amountMinor, String idempotencyKey) throws Exception {
        return JSON.writeValueAsString(new RefundRequest(ticketId, amountMinor, idempotencyKey));
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/merchants/me" + path)))
                .timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String json, String authorization) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/merchants/me" + path)))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(MerchantApiKeys.IssuedApiKey key) {
        String credentials = key.keyId() + ":" + new String(key.secret());
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
