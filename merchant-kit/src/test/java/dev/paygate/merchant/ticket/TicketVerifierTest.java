package dev.paygate.merchant.ticket;

import static dev.paygate.merchant.Fixtures.MERCHANT_KEY;
import static dev.paygate.merchant.Fixtures.NOW;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.jose.CompactSigner;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.RefusalReason;

class TicketVerifierTest {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final TicketSigner signer = new TicketSigner(MERCHANT_KEY);
    private final MerchantKeyLookup registeredKeys = (merchantId, keyId) ->
            merchantId.equals("shop-42") && keyId.equals("shop-42-2026") ? Optional.of(MERCHANT_KEY.toPublicJWK()) : Optional.empty();

    private TicketVerifier verifierAt(Instant now, Duration skew) {
        return new TicketVerifier(registeredKeys, Clock.fixed(now, ZoneOffset.UTC), skew);
    }

    private TicketVerifier verifier() {
        return verifierAt(NOW.plusSeconds(60), SKEW);
    }

    @Test
    void signedTicketVerifiesToAnEqualTicket() throws Exception {
        Ticket ticket = Fixtures.ticket();

        assertThat(verifier().verify(signer.sign(ticket))).isEqualTo(ticket);
    }

    @Test
    void kidAndMerchantAreReadableBeforeVerifying() throws Exception {
        UnverifiedTicket unverified = TicketVerifier.parse(signer.sign(Fixtures.ticket()));

        assertThat(unverified.keyId()).isEqualTo("shop-42-2026");
        assertThat(unverified.merchantId()).isEqualTo("shop-42");
        assertThat(unverified.orderId()).contains("order-1001");
        assertThat(unverified.ticketId()).contains("tkt-7f3a");
        assertThat(verifier().verify(unverified, MERCHANT_KEY.toPublicJWK())).isEqualTo(Fixtures.ticket());
    }

    @Test
    void priceChangedInTheBrowserFailsTheSignature() {
        String forged = Fixtures.tamperPayload(signer.sign(Fixtures.ticket()),
                json -> json.replace("\"amountMinor\":1250", "\"amountMinor\":1").replace("\"amountMinor\":3300", "\"amountMinor\":800"));

        assertThatThrownBy(() -> verifier().verify(forged))
                .isInstanceOfSatisfying(TicketRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.BAD_SIGNATURE);
                    assertThat(rejected.ticket()).isPresent();
                });
    }

    @Test
    void ticketSignedWithAnotherKeyUnderTheMerchantsKidFailsTheSignature() {
        OctetKeyPair impostor = Ed25519Keys.withKeyId(Ed25519Keys.generate(), "shop-42-2026");

        assertThatThrownBy(() -> verifier().verify(new TicketSigner(impostor).sign(Fixtures.ticket())))
                .isInstanceOfSatisfying(TicketRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.BAD_SIGNATURE));
    }

    @Test
    void unregisteredMerchantOrKidIsUnknownMerchant() {
        String fromUnknownKid = new TicketSigner(SERVER_KEY).sign(Fixtures.ticket());

        assertThatThrownBy(() -> verifier().verify(fromUnknownKid))
                .isInstanceOfSatisfying(TicketRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.UNKNOWN_MERCHANT);
                    assertThat(rejected).hasMessageContaining("server-2026-11").hasMessageContaining("shop-42");
                });
    }

    @Test
    void expiredTicketIsRefusedOnlyAfterTheClockSkew() throws Exception {
        String compact = signer.sign(Fixtures.basket().validFor(Duration.ofMinutes(1)).build());
        Instant expiresAt = NOW.plusSeconds(60);

        assertThat(verifierAt(expiresAt.plusSeconds(30), SKEW).verify(compact)).isNotNull();
        assertThatThrownBy(() -> verifierAt(expiresAt.plusSeconds(31), SKEW).verify(compact))
                .isInstanceOfSatisfying(TicketRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.TICKET_EXPIRED));
        assertThatThrownBy(() -> verifierAt(expiresAt.plusSeconds(1), Duration.ZERO).verify(compact))
                .isInstanceOfSatisfying(TicketRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.TICKET_EXPIRED));
    }

    @Test
    void correctlySignedTicketBreakingTheBasketRuleIsInvalidWithTheMismatchExplained() throws Exception {
        JWTClaimsSet broken = new JWTClaimsSet.Builder(Fixtures.ticket().toClaims()).claim("amountMinor", 3_000L).build();
        String compact = new CompactSigner(MERCHANT_KEY).sign(TokenType.TICKET, broken);

        assertThatThrownBy(() -> verifier().verify(compact))
                .isInstanceOfSatisfying(TicketRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.INVALID_TICKET);
                    assertThat(rejected).hasMessage("invalid_ticket: amountMinor: items add up to 3300 but amountMinor is 3000");
                });
    }

    @Test
    void garbageOrAnotherTokenTypeIsAnInvalidTicket() {
        String voucherTyped = new CompactSigner(MERCHANT_KEY).sign(TokenType.VOUCHER, Fixtures.ticket().toClaims());

        assertThatThrownBy(() -> verifier().verify("pay-me-nothing"))
                .isInstanceOfSatisfying(TicketRejectedException.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.INVALID_TICKET);
                    assertThat(rejected.ticket()).isEmpty();
                });
        assertThatThrownBy(() -> verifier().verify(voucherTyped))
                .isInstanceOfSatisfying(TicketRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(TicketRejectedException.Reason.INVALID_TICKET));
    }

    @ParameterizedTest
    @EnumSource(TicketRejectedException.Reason.class)
    void everyRejectionCodeIsARefusalReasonTheGatewayCanSend(TicketRejectedException.Reason reason) {
        assertThat(RefusalReason.of(reason.code())).isIn(RefusalReason.INVALID_TICKET, RefusalReason.UNKNOWN_MERCHANT,
                RefusalReason.BAD_SIGNATURE, RefusalReason.TICKET_EXPIRED);
    }
}
