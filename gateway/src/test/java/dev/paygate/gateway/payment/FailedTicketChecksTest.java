package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.merchant.MerchantShopUrls;
import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.webhook.EventView;
import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.gateway.webhook.WebhookProperties;
import dev.paygate.gateway.webhook.WebhookSettings;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where the refusal of a ticket that failed its checks goes (issue 19): a genuine ticket's signed refusal to its own
 * cancel URL; for a ticket that names a merchant's key but cannot be trusted, a {@code ticket.refused} webhook to
 * that merchant and a link to its registered shop address only; for a ticket naming nobody, neither.
 */
@FrontUnitTest
class FailedTicketChecksTest extends FrontFlowTestBase {

    private static final URI SHOP_URL = URI.create("https://roastery.example/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MerchantShopUrls shopUrls;
    @Autowired
    WebhookSettings webhookSettings;
    @Autowired
    WebhookOutbox outbox;
    @Autowired
    FrontSchema schema;

    @BeforeEach
    void merchantWithShopAddressAndWebhooks() {
        shopUrls.register(merchant.merchantId(), SHOP_URL);
        // Nothing listens there: the events stay in the outbox, where the test reads them.
        webhookSettings.configure(merchant.merchantId(), URI.create("http://127.0.0.1:9/paygate-events"),
                "a-webhook-secret-of-some-length");
    }

    @Test
    void aGenuineTicketWhoseBasketDoesNotAddUpSendsTheSignedRefusalToItsCancelUrlWithTheReason() {
        String claims = """
                {"mid":"%s","oid":"o-7","type":"basket","items":[{"ref":"a","label":"A","qty":2,"amountMinor":100}],
                 "amountMinor":250,"vatMinor":0,"currency":"EUR","serial":"s-1","iat":%d,"exp":%d,"jti":"t-basket-%s",
                 "returnUrl":"https://roastery.example/return","cancelUrl":"https://roastery.example/cancel?order=o-7"}"""
                .formatted(merchant.merchantId(), now(), now() + 600, UUID.randomUUID());
        String ticketId = idOf(claims);

        HttpResponse<String> page = http.get("/pay/" + FrontFixture.signRaw(merchant.privateKey(), claims));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<code>invalid_ticket</code>", "Return to Demo Roastery")
                .doesNotContain("could not be verified");
        String link = FrontFixture.continueLink(page).orElseThrow();
        assertThat(link).startsWith("https://roastery.example/cancel?order=o-7&refusal=");
        Refusal refusal = fixture.verifiedRefusal(link.substring(link.indexOf("refusal=") + "refusal=".length()),
                ticketId, merchant.merchantId(), "o-7");
        assertThat(refusal.reason().code()).isEqualTo("invalid_ticket");
        assertThat(refusal.message()).contains("items add up to 200 but amountMinor is 250");
        assertThat(ticketRefusedEvents()).as("the refusal itself tells the merchant").isEmpty();
    }

    @Test
    void aForgedSignatureUnderTheMerchantsKidIsAnnouncedByWebhookAndLinksOnlyToTheRegisteredShop() {
        Ticket ticket = fixture.ticket(merchant, customerId, 4_200)
                .cancelUrl(URI.create("https://phishing.example/cancel")).build();
        String forged = new TicketSigner(Ed25519Keys.generate(merchant.privateKey().getKeyID())).sign(ticket);

        HttpResponse<String> page = http.get("/pay/" + forged);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<code>bad_signature</code>",
                "could not be verified as Demo Roastery&#39;s").doesNotContain("phishing.example");
        assertThat(FrontFixture.continueLink(page)).contains(SHOP_URL.toString());
        JsonNode event = onlyTicketRefusedEvent();
        assertThat(event.get("reason").asText()).isEqualTo("bad_signature");
        assertThat(event.get("signatureVerified").asBoolean()).isFalse();
        assertThat(event.get("keyId").asText()).isEqualTo(merchant.privateKey().getKeyID());
        assertThat(event.get("claimedTicketId").asText()).isEqualTo(ticket.ticketId());
        assertThat(event.get("claimedOrderId").asText()).isEqualTo(ticket.orderId());
        assertThat(event.has("ticketId")).as("an untrusted id is never given as the ticket's").isFalse();
    }

    @Test
    void algNoneUnderTheMerchantsKidIsAnnouncedAsAnInvalidTicket() {
        String claims = fixture.signedTicket(merchant, customerId, 900).split("\\.")[1];
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"paygate-ticket+jwt\",\"kid\":\""
                + merchant.privateKey().getKeyID() + "\"}");

        HttpResponse<String> page = confirm(header + "." + claims + ".");

        assertThat(page.body()).contains("<code>invalid_ticket</code>", "could not be verified as Demo Roastery");
        assertThat(FrontFixture.continueLink(page)).contains(SHOP_URL.toString());
        JsonNode event = onlyTicketRefusedEvent();
        assertThat(event.get("reason").asText()).isEqualTo("invalid_ticket");
        assertThat(event.get("detail").asText()).contains("alg");
        assertThat(backUnit.handOvers(idOfPayload(claims))).isZero();
    }

    @Test
    void aMalformedPayloadUnderTheMerchantsKidIsAnnouncedToo() {
        String header = fixture.signedTicket(merchant, customerId, 900).split("\\.")[0];

        HttpResponse<String> page = http.get("/pay/" + header + "." + base64Url("{not json") + ".c2lnbmF0dXJl");

        assertThat(page.body()).contains("<code>invalid_ticket</code>", "could not be verified as Demo Roastery");
        assertThat(FrontFixture.continueLink(page)).contains(SHOP_URL.toString());
        assertThat(onlyTicketRefusedEvent().get("signatureVerified").asBoolean()).isFalse();
    }

    @Test
    void aGenuineTicketWithACardNumberInItsOrderIdIsAnnouncedWithoutItAndNeverSaysItCouldNotBeVerified() {
        Ticket ticket = fixture.ticket(merchant, customerId, 900).build();
        String claims = new String(Base64.getUrlDecoder().decode(fixture.sign(merchant, ticket).split("\\.")[1]),
                StandardCharsets.UTF_8).replace(ticket.orderId(), "order-4000000000000051");

        HttpResponse<String> page = http.get("/pay/" + FrontFixture.signRaw(merchant.privateKey(), claims));

        assertThat(page.body()).contains("<code>invalid_ticket</code>", "breaks our rules")
                .doesNotContain("could not be verified", "4000000000000051");
        assertThat(FrontFixture.continueLink(page)).contains(SHOP_URL.toString());
        JsonNode event = onlyTicketRefusedEvent();
        assertThat(event.get("signatureVerified").asBoolean()).isTrue();
        assertThat(event.get("claimedTicketId").asText()).isEqualTo(ticket.ticketId());
        assertThat(event.has("claimedOrderId")).isFalse();
        assertThat(event.toString()).doesNotContain("4000000000000051");
    }

    @Test
    void theSameUntrustedTicketOpenedAgainAndConfirmedIsAnnouncedOnce() {
        String forged = FrontFixture.withClaimReplaced(fixture.signedTicket(merchant, customerId, 12_500),
                "\"amountMinor\":12500", "\"amountMinor\":1");

        http.get("/pay/" + forged);
        http.get("/pay/" + forged);
        confirm(forged);

        assertThat(ticketRefusedEvents()).hasSize(1);
    }

    @Test
    void aTicketOfAnUnknownMerchantGetsNeitherWebhookNorLink() {
        long eventsBefore = allTicketRefusedEvents();
        OctetKeyPair strangerKey = Ed25519Keys.generate("stranger-" + System.nanoTime());
        Ticket ticket = Ticket.simple("never-registered", "o-1").amountMinor(100).currency("EUR").serial("s-1")
                .returnUrl(URI.create("https://evil.example/r")).cancelUrl(URI.create("https://evil.example/c"))
                .clock(fixture.clock()).build();

        HttpResponse<String> page = http.get("/pay/" + new TicketSigner(strangerKey).sign(ticket));

        assertThat(page.body()).contains("<code>unknown_merchant</code>",
                "the link you followed could not be verified as the shop's");
        assertThat(FrontFixture.continueLink(page)).isEmpty();
        assertThat(allTicketRefusedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void aTicketNamingTheMerchantsIdUnderAKidItNeverRegisteredNamesNobody() {
        OctetKeyPair unregistered = Ed25519Keys.generate(merchant.merchantId() + "-never-registered");

        HttpResponse<String> page = http.get("/pay/"
                + new TicketSigner(unregistered).sign(fixture.ticket(merchant, customerId, 900).build()));

        assertThat(page.body()).contains("<code>bad_signature</code>", "could not be verified as the shop's");
        assertThat(FrontFixture.continueLink(page)).isEmpty();
        assertThat(ticketRefusedEvents()).isEmpty();
    }

    @Test
    void anAnnouncedRefusalWithoutARegisteredShopAddressOffersNoLinkAtAll() {
        FrontFixture.Merchant withoutShop = fixture.newMerchant("Corner Kiosk");
        Ticket ticket = fixture.ticket(withoutShop, customerId, 700).build();
        String forged = new TicketSigner(Ed25519Keys.generate(withoutShop.privateKey().getKeyID())).sign(ticket);

        HttpResponse<String> page = http.get("/pay/" + forged);

        assertThat(page.body()).contains("could not be verified as Corner Kiosk", "go back to the shop yourself");
        assertThat(FrontFixture.continueLink(page)).isEmpty();
    }

    @Test
    void ticketRefusedEventsOfOneMerchantAreCappedPerHour() {
        WebhookOutbox cappedAtTwo = new WebhookOutbox(schema,
                new WebhookProperties(null, null, null, null, null, null, null, 2));
        CheckedTicket.Sender sender = new CheckedTicket.Sender(merchant.merchantId(), merchant.name(),
                merchant.privateKey().getKeyID(), false, "the signature does not verify", Optional.empty(),
                Optional.empty());

        for (int ticket = 1; ticket <= 5; ticket++) {
            cappedAtTwo.recordTicketRefused(sender, RefusalReason.BAD_SIGNATURE, "ticket-refused:forged-" + ticket);
        }

        assertThat(ticketRefusedEvents()).hasSize(2);
        assertThat(outbox.recordTest(merchant.merchantId())).as("other events are not capped").isPresent();
    }

    private HttpResponse<String> confirm(String compactTicket) {
        return http.submit("/pay/confirm", Map.of("ticket", compactTicket, "password", FrontFixture.PASSWORD));
    }

    private JsonNode onlyTicketRefusedEvent() {
        List<EventView> events = ticketRefusedEvents();
        assertThat(events).hasSize(1);
        try {
            return JSON.readTree(events.getFirst().body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<EventView> ticketRefusedEvents() {
        return outbox.page(merchant.merchantId(), 0, 100).events().stream()
                .filter(event -> event.type().equals("ticket.refused"))
                .toList();
    }

    private long allTicketRefusedEvents() {
        return schema.jdbc().sql("SELECT count(*) FROM front.webhook_event WHERE type = 'ticket.refused'")
                .query(Long.class).single();
    }

    private long now() {
        return fixture.clock().instant().getEpochSecond();
    }

    private static String idOf(String claims) {
        return claims.replaceAll("(?s).*\"jti\":\"([^\"]+)\".*", "$1");
    }

    private static String idOfPayload(String base64UrlClaims) {
        return idOf(new String(Base64.getUrlDecoder().decode(base64UrlClaims), StandardCharsets.UTF_8));
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
