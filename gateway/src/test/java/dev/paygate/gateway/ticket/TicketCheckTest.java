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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks of docs/architecture.md step 3 and their order, against merchant keys in the real schema. */
class TicketCheckTest {

    private final FrontSchema schema = new FrontSchema(FrontTestDatabase.dataSource());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MerchantKeys merchantKeys = new MerchantKeys(schema, clock.asProvider());
    private final TicketCheck check = new TicketCheck(merchantKeys, new TicketProperties(30, 86_400), clock.asProvider());
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

        assertThat(check.check(forged)).isEqualTo(new CheckedTicket.Rejected(RefusalReason.UNKNOWN_MERCHANT));
    }

    @Test
    void checksTheSignatureBeforeExpiry() {
        register();
        Ticket expired = ticket(merchantId).issuedAt(clock.instant().minus(Duration.ofHours(1))).validFor(Duration.ofMinutes(15)).build();
        String forged = FrontFixture.withClaimReplaced(signer.sign(expired), "\"amountMinor\":1250", "\"amountMinor\":1");

        assertThat(check.check(forged)).isEqualTo(new CheckedTicket.Rejected(RefusalReason.BAD_SIGNATURE));
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
    void aKidTheMerchantNeverRegisteredOrRevokedIsABadSignature() {
        register();
        OctetKeyPair unregistered = Ed25519Keys.generate(merchantId + "-2");
        String withRevokedKey = signer.sign(ticket(merchantId).build());
        merchantKeys.revoke(merchantId, key.getKeyID());

        assertThat(check.check(new TicketSigner(unregistered).sign(ticket(merchantId).build())))
                .isEqualTo(new CheckedTicket.Rejected(RefusalReason.BAD_SIGNATURE));
        assertThat(check.check(withRevokedKey)).isEqualTo(new CheckedTicket.Rejected(RefusalReason.BAD_SIGNATURE));
    }

    @Test
    void refusesWhatIsNotATicketAsInvalid() {
        register();

        assertThat(check.check("")).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
        assertThat(check.check("a.b.c")).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
        assertThat(check.check(signer.sign(ticket(merchantId).build()).replaceFirst("^[^.]+",
                "eyJhbGciOiJub25lIn0"))).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
    }

    @Test
    void refusesATicketIssuedInTheFutureBeyondTheClockSkew() {
        register();
        Ticket withinSkew = ticket(merchantId).issuedAt(clock.instant().plusSeconds(30)).build();
        Ticket aYearAhead = ticket(merchantId).issuedAt(clock.instant().plus(Duration.ofDays(365))).build();

        assertThat(check.check(signer.sign(withinSkew))).isInstanceOf(CheckedTicket.Valid.class);
        assertThat(check.check(signer.sign(aYearAhead))).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
    }

    @Test
    void refusesATicketValidForLongerThanTheMaximum() {
        register();
        Ticket aDay = ticket(merchantId).validFor(Duration.ofDays(1)).build();
        Ticket untilYear9999 = ticket(merchantId).validFor(Duration.between(clock.instant(),
                Instant.parse("9999-12-31T23:59:59Z"))).build();

        assertThat(check.check(signer.sign(aDay))).isInstanceOf(CheckedTicket.Valid.class);
        assertThat(check.check(signer.sign(untilYear9999))).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
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

        for (Ticket carrying : new Ticket[] {inOrderId, inSerial, inItemLabel}) {
            assertThat(check.check(signer.sign(carrying))).isEqualTo(new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET));
        }
        assertThat(check.check(signer.sign(notLuhnValid))).isInstanceOf(CheckedTicket.Valid.class);
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
