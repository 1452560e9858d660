package dev.paygate.merchant.refusal;

import static dev.paygate.merchant.Fixtures.MERCHANT_KEY;
import static dev.paygate.merchant.Fixtures.NOW;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.Fixtures.MutableClock;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.JwksSource;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.VoucherSigner;

class RefusalVerifierTest {

    private final MutableClock clock = new MutableClock(NOW.plusSeconds(5));
    private final Ticket ticket = Fixtures.ticket();
    private final VoucherSigner serverSigner = new VoucherSigner(SERVER_KEY);
    private final RefusalVerifier verifier = new RefusalVerifier(
            new JwksKeyResolver(JwksSource.fixed(new JWKSet(SERVER_KEY).toPublicJWKSet())), clock, Duration.ofSeconds(30));

    private final Refusal declined = Refusal.forTicket(ticket, RefusalReason.INSUFFICIENT_FUNDS, "Your wallet balance is too low.", NOW);

    @Test
    void refusalSignedByTheServerVerifiesForTheMerchantsTicket() throws Exception {
        Refusal verified = verifier.verify(serverSigner.sign(declined), ticket);

        assertThat(verified).isEqualTo(declined);
        assertThat(verified.reason().code()).isEqualTo("insufficient_funds");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void claimsUseThePublishedNames() {
        assertThat(declined.toClaims().toString()).contains("\"tid\":\"tkt-7f3a\"", "\"mid\":\"shop-42\"",
                "\"oid\":\"order-1001\"", "\"reason\":\"insufficient_funds\"", "\"message\":\"Your wallet balance is too low.\"");
    }

    @Test
    void aRefusalForAnotherOrderIsAMismatch() {
        Ticket otherOrder = Fixtures.basket().ticketId("tkt-other").build();

        assertThatThrownBy(() -> verifier.verify(serverSigner.sign(declined), otherOrder))
                .isInstanceOfSatisfying(RefusalRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("mismatch:tid"));
    }

    @Test
    void aRefusalMatchingTheTicketIdButNotTheOrderIsAMismatch() {
        Refusal forOtherOrder = Refusal.of(ticket.ticketId(), ticket.merchantId(), "order-9", RefusalReason.CANCELLED, "Cancelled", NOW);

        assertThatThrownBy(() -> verifier.verify(serverSigner.sign(forOtherOrder), ticket))
                .isInstanceOfSatisfying(RefusalRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("mismatch:oid"));
    }

    @Test
    void anExpiredRefusalIsRejected() {
        String compact = serverSigner.sign(declined);
        clock.set(NOW.plusSeconds(60 + 31));

        assertThatThrownBy(() -> verifier.verify(compact, ticket))
                .isInstanceOfSatisfying(RefusalRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("expired"));
    }

    @Test
    void aRefusalSignedByTheMerchantInsteadOfTheServerIsRejected() {
        String forged = new VoucherSigner(Ed25519Keys.withKeyId(MERCHANT_KEY, "server-2026-11"))
                .sign(declined);

        assertThatThrownBy(() -> verifier.verify(forged, ticket))
                .isInstanceOfSatisfying(RefusalRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("bad_signature"));
    }

    @Test
    void aReasonCodeUnknownToThisKitStillParses() throws Exception {
        JWTClaimsSet fromNewerServer = new JWTClaimsSet.Builder(declined.toClaims()).claim("reason", "velocity_limit").build();

        assertThat(Refusal.fromClaims(fromNewerServer).reason()).isEqualTo(RefusalReason.of("velocity_limit"));
    }

    @Test
    void aReasonMustBeALowerCaseCode() {
        assertThatThrownBy(() -> RefusalReason.of("Card Declined!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
    }
}
