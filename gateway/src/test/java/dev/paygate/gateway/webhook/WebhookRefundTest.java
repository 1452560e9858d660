package dev.paygate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.customer.RunningGateway;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.merchant.webhook.WebhookVerifier;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.sweep.DailySweepJob;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the whole gateway (real back office over Artemis): a wallet refund through the merchant API is notified
 * once, and so is a daily sweep, however often it runs.
 */
class WebhookRefundTest {

    private static final String SECRET = "whsec_refund_test_secret_0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RunningGateway gateway;
    private static WebhookReceiver receiver;
    private static String demoShopKey;

    @BeforeAll
    static void startGatewayWithANotifyUrl() throws Exception {
        gateway = RunningGateway.start();
        receiver = new WebhookReceiver();
        gateway.bean(WebhookSettings.class).configure("demo-shop", receiver.url("/refunds"), SECRET);
        MerchantApiKeys.IssuedApiKey key = gateway.bean(MerchantApiKeys.class).issue("demo-shop");
        demoShopKey = "Basic " + Base64.getEncoder().encodeToString(
                (key.keyId() + ":" + new String(key.secret())).getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        receiver.close();
        gateway.close();
    }

    @Test
    void aRefundIsNotifiedOnceAndItsReplayIsNot() throws Exception {
        Decision payment = gateway.pay("alice", "demo-shop", 900, "hook-" + UUID.randomUUID());
        String refund = JSON.writeValueAsString(JSON.createObjectNode()
                .put("ticketId", payment.ticketId()).put("amountMinor", 300).put("idempotencyKey", "r-" + payment.ticketId()));

        assertThat(postRefund(refund).statusCode()).isEqualTo(201);
        assertThat(postRefund(refund).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> !accepted("payment.refunded").isEmpty());
        WebhookReceiver.Received delivery = accepted("payment.refunded").getFirst();
        new WebhookVerifier(SECRET).verify(delivery.signature(), delivery.body());
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asText()).isEqualTo("payment.refunded");
        assertThat(body.get("ticketId").asText()).isEqualTo(payment.ticketId());
        assertThat(body.get("amountMinor").asLong()).isEqualTo(300);
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("refundedTotalMinor").asLong()).isEqualTo(300);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(gateway.bean(WebhookOutbox.class).page("demo-shop", 0, 100).events())
                        .filteredOn(event -> event.body().contains(payment.ticketId()))
                        .singleElement()
                        .satisfies(event -> assertThat(event.status()).isEqualTo("delivered")));
        assertThat(receiver.received("/refunds")).filteredOn(received -> isOfType(received, "payment.refunded"))
                .hasSize(1);
    }

    @Test
    void aDailySweepIsAnnouncedOnceHoweverOftenItRuns() throws Exception {
        gateway.pay("alice", "demo-shop", 700, "sweep-" + UUID.randomUUID());
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        DailySweepJob sweep = gateway.bean(DailySweepJob.class);

        sweep.sweep(day);
        sweep.sweep(day);

        await().atMost(WAIT).until(() -> !accepted("merchant.swept").isEmpty());
        WebhookReceiver.Received delivery = accepted("merchant.swept").getFirst();
        new WebhookVerifier(SECRET).verify(delivery.signature(), delivery.body());
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("businessDay").asText()).isEqualTo(day.toString());
        assertThat(body.get("amountMinor").asLong()).isPositive();
        assertThat(body.get("iban").asText()).isEqualTo("DE89370400440532013000");
        // The second run's event reached the front too, and recorded nothing.
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> accepted("merchant.swept").size() == 1);
    }

    private static List<WebhookReceiver.Received> accepted(String type) {
        return receiver.accepted("/refunds").stream().filter(received -> isOfType(received, type)).toList();
    }

    private static boolean isOfType(WebhookReceiver.Received received, String type) {
        return new String(received.body(), StandardCharsets.UTF_8).contains("\"type\":\"" + type + "\"");
    }

    private static HttpResponse<String> postRefund(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/merchants/me/refunds")))
                .timeout(WAIT)
                .header("Authorization", demoShopKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
