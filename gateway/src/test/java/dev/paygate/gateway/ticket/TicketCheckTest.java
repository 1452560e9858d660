package dev.paygate.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.payment.FrontTestDatabase;
import dev.paygate.gateway.payment.MutableClock;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.Ids;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks of docs/architecture.md step 3 and their order, against merchant keys in the real schema. */
class TicketCheckTest {

    private final FrontSchema schema = new FrontSchema(FrontTestDatabase.dataSource());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MerchantKeys merchantKeys = new MerchantKeys(schema, clock);
    private final TicketCheck check = new TicketCheck(merchantKeys, new TicketProperties(30, 86_400), clock);
    private final String merchantId = "shop-" + Ids.random().substring(0, 10);
    private final OctetKeyPair key = Ed25519Keys.generate(merchantId + "-1");
    private final TicketSigner signer = new TicketSigner(key);

    @Test
    void acceptsAGenuineTicketAndNamesItsMerchant() {
        register();
        Ticket ticket = ticket(merchantId).build();

        assertThat(check.check(signer.sign(ticket))).isEqualTo(new CheckedTicket.Valid(ticket, "Demo Roastery"));
    }

    @Test
    void checksTheMerchantBeforeTheSignature() {
        String forged = FrontFixture.withClaimReplaced(signer.sign(ticket(merchantId).build()), "\"amountMinor\":1250",
                "\"amountMinor\":1");

        assertThat(check.check(forged)).isEqualTo(new CheckedTicket.Rejected(RefusalReason.UNKNOWN_MERCHANT, Optional.empty()));
    }

    @Test
    void checksTheSignatureBeforeExpiry() {
        register();
        Ticket expired = ticket(merchantId).issuedAt(clock.instant().minus(Duration.ofHours(1))).validFor(Duration.ofMinutes(15)).build();
        String forged = FrontFixture.withClaimReplaced(signer.sign(expired), "\"amountMinor\":1250", "\"amountMinor\":1");

        assertThat(sender(check.check(forged), RefusalReason.BAD_SIGNATURE)).isPresent();
    }

    @Test
    void anExpiredGenuineTicketKeepsItsTrustworthyUrls() {
        register();
        Ticket expired = ticket(merchantId).issuedAt(clock.instant().minus(Duration.ofHours(1))).validFor(Duration.ofMinutes(15)).build();

        assertThat(check.check(signer.sign(expired))).isEqualTo(new CheckedTicket.Expired(expired, "Demo Roastery"));
    }

    @Test
    void allowsThirtySecondsOfClockSkewAndNotOneMore() {
        register();
        Ticket ticket = ticket(merchantId).validFor(Duration.ofMinutes(1)).build();
        String compact = signer.sign(ticket);

        clock.advance(Duration.ofSeconds(90));
        assertThat(check.check(compact)).isInstanceOf(CheckedTicket.Valid.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(check.check(compact)).isInstanceOf(CheckedTicket.Expired.class);
    }

    @Test
    void aKidTheMerchantNeverRegisteredNamesNobodyAndARetiredOneNamesTheMerchant() {
        register();
        OctetKeyPair unregistered = Ed25519Keys.generate(merchantId + "-2");
        Ticket ticket = ticket(merchantId).build();
        String withRetiredKey = signer.sign(ticket);
        merchantKeys.revoke(merchantId, key.getKeyID());

        assertThat(check.check(new TicketSigner(unregistered).sign(ticket(merchantId).build())))
                .isEqualTo(new CheckedTicket.Rejected(RefusalReason.BAD_SIGNATURE, Optional.empty()));
        CheckedTicket.Sender sender = sender(check.check(withRetiredKey), RefusalReason.BAD_SIGNATURE).orElseThrow();
        assertThat(sender.signatureVerified()).isFalse();
        assertThat(sender.explanation()).contains("retired");
        assertThat(sender.ticketId()).contains(ticket.ticketId());
        assertThat(sender.orderId()).contains("order-1");
    }

    @Test
    void aForgedSignatureUnderTheMerchantsKidNamesTheMerchantAsUnverified() {
        register();
        OctetKeyPair impostor = Ed25519Keys.generate(key.getKeyID());

        CheckedTicket.Sender sender = sender(check.check(new TicketSigner(impostor).sign(ticket(merchantId).build())),
                RefusalReason.BAD_SIGNATURE).orElseThrow();

        assertThat(sender).extracting(CheckedTicket.Sender::merchantId, CheckedTicket.Sender::merchantName,
                CheckedTicket.Sender::keyId, CheckedTicket.Sender::signatureVerified)
                .containsExactly(merchantId, "Demo Roastery", key.getKeyID(), false);
    }

    @Test
    void refusesWhatIsNotATicketAsInvalidAndNamesNobodyWithoutAKnownKid() {
        register();

        assertThat(check.check("")).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET, Optional.empty()));
        assertThat(check.check("a.b.c")).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET, Optional.empty()));
        assertThat(check.check(signer.sign(ticket(merchantId).build()).replaceFirst("^[^.]+",
                "eyJhbGciOiJub25lIn0"))).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET, Optional.empty()));
    }

    @Test
    void algNoneUnderTheMerchantsKidNamesTheMerchantAsUnverified() {
        register();
        String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + key.getKeyID() + "\"}");
        String claims = signer.sign(ticket(merchantId).build()).split("\\.")[1];

        CheckedTicket.Sender sender = sender(check.check(header + "." + claims + "."), RefusalReason.INVALID_TICKET)
                .orElseThrow();

        assertThat(sender.merchantId()).isEqualTo(merchantId);
        assertThat(sender.signatureVerified()).isFalse();
        assertThat(sender.explanation()).contains("alg");
    }

    @Test
    void aPayloadThatIsNotJsonIsNamedByItsKidAloneWhenOneMerchantHoldsIt() {
        register();
        String header = signer.sign(ticket(merchantId).build()).split("\\.")[0];

        Optional<CheckedTicket.Sender> sender = sender(check.check(header + "." + base64Url("not json") + ".c2ln"),
                RefusalReason.INVALID_TICKET);

        assertThat(sender).map(CheckedTicket.Sender::merchantId).contains(merchantId);
        assertThat(sender.orElseThrow().ticketId()).isEmpty();
    }

    @Test
    void aBasketThatDoesNotAddUpUnderAGenuineSignatureIsInvalidWithItsIdsAndCancelUrl() {
        register();
        String claims = """
                {"mid":"%s","oid":"o-1","type":"basket","items":[{"ref":"a","label":"A","qty":1,"amountMinor":100}],
                 "amountMinor":999,"vatMinor":0,"currency":"EUR","serial":"s-1","iat":%d,"exp":%d,"jti":"t-1",
                 "returnUrl":"https://shop.example/return","cancelUrl":"https://shop.example/cancel"}"""
                .formatted(merchantId, now(), now() + 600);

        CheckedTicket checked = check.check(signRaw(claims));

        assertThat(checked).isInstanceOf(CheckedTicket.Invalid.class);
        CheckedTicket.Invalid invalid = (CheckedTicket.Invalid) checked;
        assertThat(invalid).extracting(CheckedTicket.Invalid::ticketId, CheckedTicket.Invalid::merchantId,
                CheckedTicket.Invalid::orderId, CheckedTicket.Invalid::cancelUrl, CheckedTicket.Invalid::reason)
                .containsExactly("t-1", merchantId, "o-1", URI.create("https://shop.example/cancel"),
                        RefusalReason.INVALID_TICKET);
        assertThat(invalid.explanation()).contains("items add up to 100", "999");
    }

    @Test
    void aGenuineTicketWithoutACancelUrlToCarryTheRefusalNamesTheMerchantAsVerified() {
        register();
        String claims = """
                {"mid":"%s","oid":"o-1","type":"simple","items":[],"amountMinor":100,"vatMinor":0,"currency":"EUR",
                 "serial":"s-1","iat":%d,"exp":%d,"jti":"t-2","returnUrl":"https://shop.example/return"}"""
                .formatted(merchantId, now(), now() + 600);

        CheckedTicket.Sender sender = sender(check.check(signRaw(claims)), RefusalReason.INVALID_TICKET).orElseThrow();

        assertThat(sender.signatureVerified()).isTrue();
        assertThat(sender.ticketId()).contains("t-2");
    }

    @Test
    void refusesATicketIssuedInTheFutureBeyondTheClockSkew() {
        register();
        Ticket withinSkew = ticket(merchantId).issuedAt(clock.instant().plusSeconds(30)).build();
        Ticket aYearAhead = ticket(merchantId).issuedAt(clock.instant().plus(Duration.ofDays(365))).build();

        assertThat(check.check(signer.sign(withinSkew))).isInstanceOf(CheckedTicket.Valid.class);
        assertThat(check.check(signer.sign(aYearAhead))).isInstanceOf(CheckedTicket.Invalid.class);
    }

    @Test
    void refusesATicketValidForLongerThanTheMaximum() {
        register();
        Ticket aDay = ticket(merchantId).validFor(Duration.ofDays(1)).build();
        Ticket untilYear9999 = ticket(merchantId).validFor(Duration.between(clock.instant(),
                Instant.parse("9999-12-31T23:59:59Z"))).build();

        assertThat(check.check(signer.sign(aDay))).isInstanceOf(CheckedTicket.Valid.class);
        assertThat(check.check(signer.sign(untilYear9999))).isInstanceOf(CheckedTicket.Invalid.class);
    }

    @Test
    void refusesACardNumberInMerchantFreeText() {
        register();
        String cardNumber = "4000000000000051";
        Ticket inOrderId = Ticket.simple(merchantId, "order-" + cardNumber).amountMinor(1250).vatMinor(172).currency("EUR")
                .serial("till-1").returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel")).clock(clock).build();
        Ticket inSerial = ticket(merchantId).serial(cardNumber).build();
        Ticket inItemLabel = Ticket.basket(merchantId, "order-2").item("sku-1", "gift for card " + cardNumber, 1, 1250)
                .amountMinor(1250).vatMinor(172).currency("EUR").serial("till-1")
                .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"))
                .clock(clock).build();
        Ticket notLuhnValid = ticket(merchantId).serial("4000000000000050").build();

        // No signed refusal: it would carry the claims back through a URL. The merchant is told by webhook.
        for (Ticket carrying : new Ticket[] {inOrderId, inSerial, inItemLabel}) {
            CheckedTicket.Sender sender = sender(check.check(signer.sign(carrying)), RefusalReason.INVALID_TICKET)
                    .orElseThrow();
            assertThat(sender.signatureVerified()).isTrue();
            assertThat(sender.explanation()).doesNotContain(cardNumber);
        }
        assertThat(sender(check.check(signer.sign(inOrderId)), RefusalReason.INVALID_TICKET).orElseThrow().orderId())
                .as("an oid holding a card number is never passed on").isEmpty();
        assertThat(check.check(signer.sign(notLuhnValid))).isInstanceOf(CheckedTicket.Valid.class);
    }

    /** The merchant a rejected ticket names, after checking it was rejected for {@code reason}. */
    private static Optional<CheckedTicket.Sender> sender(CheckedTicket checked, RefusalReason reason) {
        assertThat(checked).isInstanceOf(CheckedTicket.Rejected.class);
        assertThat(((CheckedTicket.Rejected) checked).reason()).isEqualTo(reason);
        return ((CheckedTicket.Rejected) checked).sender();
    }

    private String signRaw(String claimsJson) {
        return FrontFixture.signRaw(key, claimsJson);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void register() {
        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(key));
    }

    private Ticket.Builder ticket(String merchant) {
        return Ticket.simple(merchant, "order-1").amountMinor(1250).vatMinor(172).currency("EUR").serial("till-1")
                .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"))
                .clock(clock);
    }
}
