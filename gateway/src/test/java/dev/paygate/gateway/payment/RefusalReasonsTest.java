package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every refusal reason of the public contract, reached through the payment page's HTTP interface. */
@FrontUnitTest
class RefusalReasonsTest extends FrontFlowTestBase {

    @Autowired
    MerchantKeys merchantKeys;

    @Test
    void invalidTicket() {
        HttpResponse<String> page = http.get("/pay/this-is-not-a-ticket");

        assertRefusedOnOurPageOnly(page, 400, "invalid_ticket");
    }

    @Test
    void invalidTicketWhenAGenuineSignatureCoversABrokenBasket() {
        // The kit's builder refuses such a ticket, so the claims are written and signed by hand.
        String ticketId = "t-" + UUID.randomUUID();
        String claims = """
                {"mid":"%s","oid":"o-1","type":"basket","items":[{"ref":"a","label":"A","qty":1,"amountMinor":100}],
                 "amountMinor":999,"vatMinor":0,"currency":"EUR","serial":"s-1","iat":%d,"exp":%d,"jti":"%s",
                 "returnUrl":"https://shop.example/return","cancelUrl":"https://shop.example/cancel"}"""
                .formatted(merchant.merchantId(), now(), now() + 600, ticketId);

        HttpResponse<String> page = http.get("/pay/" + FrontFixture.signRaw(merchant.privateKey(), claims));

        // The signature vouches for the ids and the cancel URL: the signed refusal goes there, with the reason.
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<code>invalid_ticket</code>").doesNotContain("could not be verified");
        String link = FrontFixture.continueLink(page).orElseThrow();
        assertThat(link).startsWith("https://shop.example/cancel?refusal=");
        Refusal refusal = fixture.verifiedRefusal(link.substring(link.indexOf('=') + 1), ticketId,
                merchant.merchantId(), "o-1");
        assertThat(refusal.reason().code()).isEqualTo("invalid_ticket");
        assertThat(refusal.message()).contains("items add up to 100 but amountMinor is 999");
    }

    @Test
    void unknownMerchant() {
        OctetKeyPair strangerKey = Ed25519Keys.generate("stranger-key");
        Ticket ticket = Ticket.simple("never-registered", "o-1").amountMinor(100).currency("EUR").serial("s-1")
                .returnUrl(URI.create("https://evil.example/r")).cancelUrl(URI.create("https://evil.example/c"))
                .clock(fixture.clock()).build();

        HttpResponse<String> page = http.get("/pay/" + new TicketSigner(strangerKey).sign(ticket));

        assertRefusedOnOurPageOnly(page, 400, "unknown_merchant");
    }

    @Test
    void badSignatureWhenThePriceWasChangedAndTheSignatureKept() {
        Ticket ticket = fixture.ticket(merchant, customerId, 12_500).build();
        String tampered = FrontFixture.withClaimReplaced(fixture.sign(merchant, ticket), "\"amountMinor\":12500", "\"amountMinor\":1");

        HttpResponse<String> page = confirm(tampered);

        assertRefusedOnOurPageOnly(page, 400, "bad_signature");
        assertThat(backUnit.handOvers(ticket.ticketId())).isZero();
    }

    @Test
    void badSignatureWhenSignedByAnotherKeyUnderTheMerchantsKid() {
        OctetKeyPair impostor = Ed25519Keys.generate(merchant.privateKey().getKeyID());
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();

        assertRefusedOnOurPageOnly(http.get("/pay/" + new TicketSigner(impostor).sign(ticket)), 400, "bad_signature");
    }

    @Test
    void badSignatureWhenTheMerchantsKeyWasRevoked() {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        merchantKeys.revoke(merchant.merchantId(), merchant.privateKey().getKeyID());

        assertRefusedOnOurPageOnly(http.get("/pay/" + compact), 400, "bad_signature");
    }

    @Test
    void ticketExpired() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250)
                .issuedAt(fixture.clock().instant().minus(Duration.ofMinutes(20)))
                .validFor(Duration.ofMinutes(15))
                .build();

        HttpResponse<String> page = confirm(fixture.sign(merchant, ticket));

        assertRefusedWithSignedRefusal(page, 410, "ticket_expired", ticket);
        assertThat(backUnit.handOvers(ticket.ticketId())).isZero();
    }

    @Test
    void aPaidTicketOpenedAgainSaysItIsPaidAndLeadsOnWithTheVoucher() {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        HttpResponse<String> paid = confirm(compact);

        HttpResponse<String> page = http.get("/pay/" + compact);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This payment is complete", "never charged twice", "€12.50",
                "Your copy of the signed voucher", paidVoucher(paid))
                .doesNotContain("Payment not completed");
        assertThat(FrontFixture.continueLink(page)).isEqualTo(paid.headers().firstValue("Location"));
    }

    /** The voucher the first confirm carried to the merchant's return URL. */
    private static String paidVoucher(HttpResponse<String> paid) {
        String location = paid.headers().firstValue("Location").orElseThrow();
        return java.net.URLDecoder.decode(location.substring(location.indexOf("voucher=") + "voucher=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void ticketUsedWhenAnotherMerchantUsedTheSameTicketIdFirst() {
        FrontFixture.Merchant other = fixture.newMerchant("Other Shop");
        String sharedTicketId = "order-" + UUID.randomUUID();
        Ticket first = fixture.ticket(other, customerId, 1250).ticketId(sharedTicketId).build();
        Ticket second = fixture.ticket(merchant, customerId, 1250).ticketId(sharedTicketId).build();
        HttpResponse<String> paidAtTheOtherShop = confirm(fixture.sign(other, first));

        HttpResponse<String> page = confirm(fixture.sign(merchant, second));

        assertRefusedWithSignedRefusal(page, 409, "ticket_used", second);
        assertThat(page.body()).doesNotContain(FrontFixture.redirectParameter(paidAtTheOtherShop, "voucher").orElseThrow());
        assertThat(backUnit.handOvers(sharedTicketId)).isEqualTo(1);
    }

    @Test
    void authFailedLeavesTheTicketUnusedSoTheCustomerCanRetry() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);

        HttpResponse<String> page = http.submit("/pay/confirm", Map.of("ticket", compact, "password", "not the password"));

        assertRefusedWithSignedRefusal(page, 403, "auth_failed", ticket);
        assertThat(page.body()).contains("Try again", "name=\"ticket\"");
        assertThat(confirm(compact).statusCode()).isEqualTo(303);
    }

    /** The lock is no oracle: the right password of a locked customer reads like a wrong one. */
    @Test
    void customerLocked() {
        for (int attempt = 0; attempt < 5; attempt++) {
            http.submit("/pay/confirm", Map.of("ticket", fixture.signedTicket(merchant, customerId, 1250),
                    "password", "guess " + attempt));
        }

        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();

        HttpResponse<String> page = confirm(fixture.sign(merchant, ticket));

        assertRefusedWithSignedRefusal(page, 403, "auth_failed", ticket);
        assertThat(page.body()).doesNotContain("customer_locked");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            StubPaymentHandover.INSUFFICIENT_FUNDS_MINOR + ", insufficient_funds, 402",
            StubPaymentHandover.OVER_LIMIT_MINOR + ", over_limit, 402",
            StubPaymentHandover.CARD_DECLINED_MINOR + ", card_declined, 402",
            StubPaymentHandover.CARD_EXPIRED_MINOR + ", card_expired, 402",
            StubPaymentHandover.ISSUER_UNAVAILABLE_MINOR + ", issuer_unavailable, 503"})
    void backUnitRefusals(long amountMinor, String reason, int status) {
        Ticket ticket = fixture.ticket(merchant, customerId, amountMinor).build();

        HttpResponse<String> page = confirm(fixture.sign(merchant, ticket));

        Refusal refusal = assertRefusedWithSignedRefusal(page, status, reason, ticket);
        assertThat(refusal.message()).contains("Nothing was charged");
    }

    private HttpResponse<String> confirm(String compactTicket) {
        return http.submit("/pay/confirm", Map.of("ticket", compactTicket, "password", FrontFixture.PASSWORD));
    }

    /** The page says why; nothing in the ticket was trusted, so there is no link to follow anywhere. */
    private static void assertRefusedOnOurPageOnly(HttpResponse<String> page, int status, String reason) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains("Payment not completed", "<code>" + reason + "</code>");
        assertThat(FrontFixture.continueLink(page)).isEmpty();
    }

    /** The page says why, and its continue link carries a refusal the merchant verifies against its own ticket. */
    private Refusal assertRefusedWithSignedRefusal(HttpResponse<String> page, int status, String reason, Ticket ticket) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.body()).contains("Payment not completed", "<code>" + reason + "</code>");
        String link = FrontFixture.continueLink(page).orElseThrow();
        assertThat(link).startsWith("https://shop.example/cancel?refusal=");
        Refusal refusal = fixture.verifiedRefusal(link.substring(link.indexOf('=') + 1), ticket);
        assertThat(refusal.reason().code()).isEqualTo(reason);
        return refusal;
    }

    private long now() {
        return fixture.clock().instant().getEpochSecond();
    }
}
