package dev.paygate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontTestApplication;
import dev.paygate.gateway.payment.StubPaymentHandover;
import dev.paygate.merchant.jose.Ids;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.webhook.WebhookVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Outcomes of real payments (confirmed over HTTP on the front unit, stub back unit, real PostgreSQL) notified
 * to a real HTTP receiver on loopback, with short retry delays so back-off shows in seconds.
 */
@SpringBootTest(classes = FrontTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "server.error.include-stacktrace=never",
                "paygate.data-directory=target/front-test-data",
                "paygate.webhook.poll-interval-ms=50",
                "paygate.webhook.retry-delay-ms=100",
                "paygate.webhook.retry-delay-max-ms=400",
                "paygate.webhook.connect-timeout-ms=2000",
                "paygate.webhook.read-timeout-ms=2000",
        })
class WebhookDeliveryTest {

    /** Other cached test contexts in this JVM poll the same outbox with default (2 s, doubling) delays. */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    WebhookSettings settings;
    @Autowired
    WebhookOutbox outbox;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private FrontHttp http;
    private FrontFixture fixture;
    private String customerId;

    @BeforeEach
    void setUp() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        customerId = fixture.newCustomer();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void anApprovedPaymentIsDeliveredOnceAfterTwoFailuresSignedAndShownWithItsAttempts() throws Exception {
        FrontFixture.Merchant merchant = fixture.newMerchant("Webhook Roastery");
        String secret = newSecret();
        settings.configure(merchant.merchantId(), receiver.url("/approved"), secret);
        receiver.failFirst("/approved", 2);
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();

        assertThat(confirm(fixture.sign(merchant, ticket)).statusCode()).isEqualTo(303);

        await().atMost(DELIVERY_WAIT).until(() -> !receiver.accepted("/approved").isEmpty());
        JsonNode page = await().atMost(DELIVERY_WAIT).until(() -> events(merchant),
                events -> "delivered".equals(events.at("/events/0/status").asText()));
        List<WebhookReceiver.Received> requests = receiver.received("/approved");
        assertThat(requests).extracting(WebhookReceiver.Received::answeredStatus).containsExactly(500, 500, 204);
        WebhookVerifier verifier = new WebhookVerifier(secret);
        for (WebhookReceiver.Received request : requests) {
            verifier.verify(request.signature(), request.body());
            assertThat(request.contentType()).isEqualTo("application/json");
        }
        JsonNode body = JSON.readTree(requests.get(2).body());
        assertThat(body.get("type").asText()).isEqualTo("payment.approved");
        assertThat(body.get("eventId").asText()).isEqualTo(requests.get(2).eventId());
        assertThat(body.get("ticketId").asText()).isEqualTo(ticket.ticketId());
        assertThat(body.get("orderId").asText()).isEqualTo(ticket.orderId());
        assertThat(body.get("amountMinor").asLong()).isEqualTo(1250);
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("serial").asText()).isEqualTo(ticket.serial());
        assertThat(body.get("voucherId").asText()).isNotBlank();
        assertThat(body.get("sequence").asLong()).isEqualTo(1);
        assertThat(new String(requests.get(2).body(), StandardCharsets.UTF_8))
                .doesNotContain(FrontFixture.PASSWORD, customerId);
        JsonNode shown = page.at("/events/0");
        assertThat(page.get("totalEvents").asLong()).isEqualTo(1);
        assertThat(shown.get("eventId").asText()).isEqualTo(requests.get(2).eventId());
        assertThat(shown.get("attempts").asInt()).isEqualTo(3);
        assertThat(shown.get("lastHttpStatus").asInt()).isEqualTo(204);
        assertThat(shown.get("deliveredAt").isNull()).isFalse();
        assertThat(shown.get("body")).isEqualTo(body);
    }

    @Test
    void aRefusedPaymentIsAnnouncedWithItsReason() throws Exception {
        FrontFixture.Merchant merchant = fixture.newMerchant("Refusing Roastery");
        String secret = newSecret();
        settings.configure(merchant.merchantId(), receiver.url("/refused"), secret);
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.INSUFFICIENT_FUNDS_MINOR).build();

        assertThat(confirm(fixture.sign(merchant, ticket)).statusCode()).isEqualTo(402);

        await().atMost(DELIVERY_WAIT).until(() -> !receiver.accepted("/refused").isEmpty());
        WebhookReceiver.Received request = receiver.accepted("/refused").getFirst();
        new WebhookVerifier(secret).verify(request.signature(), request.body());
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("type").asText()).isEqualTo("payment.refused");
        assertThat(body.get("reason").asText()).isEqualTo("insufficient_funds");
        assertThat(body.get("ticketId").asText()).isEqualTo(ticket.ticketId());
        assertThat(body.has("voucherId")).isFalse();
    }

    @Test
    void aMerchantsEventsArriveInOrderEvenWhenTheFirstNeedsRetries() {
        FrontFixture.Merchant merchant = fixture.newMerchant("Ordered Roastery");
        settings.configure(merchant.merchantId(), receiver.url("/ordered"), newSecret());
        receiver.failFirst("/ordered", 2);

        UUID first = outbox.record(merchant.merchantId(), EventType.PAYMENT_REFUNDED, Map.of("ticketId", "t-1"))
                .orElseThrow();
        UUID second = outbox.record(merchant.merchantId(), EventType.PAYMENT_REFUNDED, Map.of("ticketId", "t-2"))
                .orElseThrow();

        await().atMost(DELIVERY_WAIT).until(() -> receiver.accepted("/ordered").size() == 2);
        assertThat(receiver.received("/ordered"))
                .extracting(WebhookReceiver.Received::eventId)
                .containsExactly(first.toString(), first.toString(), first.toString(), second.toString());
    }

    @Test
    void aMerchantCannotSeeAnotherMerchantsWebhookEvents() throws Exception {
        FrontFixture.Merchant mine = fixture.newMerchant("My Roastery");
        FrontFixture.Merchant theirs = fixture.newMerchant("Their Roastery");
        settings.configure(mine.merchantId(), receiver.url("/mine"), newSecret());
        settings.configure(theirs.merchantId(), receiver.url("/theirs"), newSecret());
        UUID myEvent = outbox.record(mine.merchantId(), EventType.PAYMENT_REFUNDED, Map.of("ticketId", "t-mine"))
                .orElseThrow();
        UUID theirEvent = outbox.record(theirs.merchantId(), EventType.PAYMENT_REFUNDED, Map.of("ticketId", "t-theirs"))
                .orElseThrow();

        JsonNode myPage = events(mine);

        assertThat(myPage.get("totalEvents").asLong()).isEqualTo(1);
        assertThat(myPage.get("events").valueStream().map(event -> event.get("eventId").asText()))
                .containsExactly(myEvent.toString())
                .doesNotContain(theirEvent.toString());
        assertThat(http.get("/api/v1/merchants/me/webhooks").statusCode()).isEqualTo(401);
    }

    @Test
    void aMerchantSetsItsOwnEndpointWithItsApiKey() {
        FrontFixture.Merchant merchant = fixture.newMerchant("Self-service Roastery");
        String endpoint = "{\"notifyUrl\":\"" + receiver.url("/self") + "\",\"secret\":\"" + newSecret() + "\"}";

        HttpResponse<String> set = http.putJson("/api/v1/merchants/me/webhook", endpoint,
                "Authorization", basic(fixture.apiKey(merchant)));
        HttpResponse<String> anonymous = http.putJson("/api/v1/merchants/me/webhook", endpoint);
        HttpResponse<String> plainHttpElsewhere = http.putJson("/api/v1/merchants/me/webhook",
                "{\"notifyUrl\":\"http://shop.example/hooks\",\"secret\":\"" + newSecret() + "\"}",
                "Authorization", basic(fixture.apiKey(merchant)));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        assertThat(settings.find(merchant.merchantId())).isPresent();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(plainHttpElsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void aMerchantWithoutANotifyUrlGetsNoEvents() throws Exception {
        FrontFixture.Merchant merchant = fixture.newMerchant("Quiet Roastery");
        Ticket ticket = fixture.ticket(merchant, customerId, 990).build();

        assertThat(confirm(fixture.sign(merchant, ticket)).statusCode()).isEqualTo(303);

        assertThat(outbox.record(merchant.merchantId(), EventType.PAYMENT_REFUNDED, Map.of())).isEmpty();
        assertThat(events(merchant).get("totalEvents").asLong()).isZero();
    }

    @Test
    void outOfRangePagingIsABadRequest() {
        FrontFixture.Merchant merchant = fixture.newMerchant("Paging Roastery");
        String authorization = basic(fixture.apiKey(merchant));

        assertThat(http.get("/api/v1/merchants/me/webhooks?size=101", "Authorization", authorization).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/merchants/me/webhooks?page=-1", "Authorization", authorization).statusCode())
                .isEqualTo(400);
    }

    private JsonNode events(FrontFixture.Merchant merchant) throws Exception {
        HttpResponse<String> response = http.get("/api/v1/merchants/me/webhooks?page=0&size=10", "Authorization",
                basic(fixture.apiKey(merchant)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> confirm(String compactTicket) {
        return http.submit("/pay/confirm", Map.of("ticket", compactTicket, "password", FrontFixture.PASSWORD));
    }

    private static String newSecret() {
        return "whsec_" + Ids.random();
    }

    private static String basic(MerchantApiKeys.IssuedApiKey key) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (key.keyId() + ":" + new String(key.secret())).getBytes(StandardCharsets.UTF_8));
    }
}
