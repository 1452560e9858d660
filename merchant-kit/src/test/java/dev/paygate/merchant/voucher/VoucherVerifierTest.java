package dev.paygate.merchant.voucher;

import static dev.paygate.merchant.Fixtures.NEXT_SERVER_KEY;
import static dev.paygate.merchant.Fixtures.NOW;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;

import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.Fixtures.MutableClock;
import dev.paygate.merchant.jose.CompactSigner;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.JwksSource;
import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;

class VoucherVerifierTest {

    private static final Duration REFETCH_INTERVAL_MIN = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(NOW.plusSeconds(5));
    private final Ticket ticket = Fixtures.ticket();
    private final VoucherSigner serverSigner = new VoucherSigner(SERVER_KEY);

    private JwksKeyResolver keys(JwksSource source) {
        return new JwksKeyResolver(source, clock, REFETCH_INTERVAL_MIN, Duration.ofMinutes(10));
    }

    private VoucherVerifier verifier(JwksSource source) {
        return VoucherVerifier.builder(keys(source)).clock(clock).build();
    }

    private VoucherVerifier verifier() {
        return verifier(jwks(SERVER_KEY));
    }

    private static JwksSource jwks(JWK... keys) {
        return JwksSource.fixed(new JWKSet(List.of(keys)).toPublicJWKSet());
    }

    private Voucher.Builder voucherFor(Ticket paid) {
        return Voucher.forTicket(paid).voucherId("v-9c1d").registerSerial(1_042).wallet().issuedAt(NOW);
    }

    private static RejectionReason reasonOf(ThrowingVerification verification) {
        try {
            verification.run();
        } catch (VoucherRejectedException rejected) {
            return rejected.reason();
        }
        throw new AssertionError("the voucher was accepted");
    }

    @FunctionalInterface
    private interface ThrowingVerification {
        void run() throws VoucherRejectedException;
    }

    @Test
    void voucherSignedByTheServerVerifiesAgainstTheMerchantsTicket() throws Exception {
        Voucher voucher = voucherFor(ticket).build();

        assertThat(verifier().verify(serverSigner.sign(voucher), ticket)).isEqualTo(voucher);
    }

    @Test
    void amountChangedWithTheSignatureKeptIsBadSignature() {
        String forged = Fixtures.tamperPayload(serverSigner.sign(voucherFor(ticket).build()),
                json -> json.replace("\"amountMinor\":3300", "\"amountMinor\":330"));

        assertThatThrownBy(() -> verifier().verify(forged, ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("bad_signature");
                    assertThat(rejected.mismatchedClaim()).isEmpty();
                });
    }

    @Test
    void voucherSignedWithAnotherKeyUnderTheServersKidIsBadSignature() {
        OctetKeyPair impostor = Ed25519Keys.withKeyId(Ed25519Keys.generate(), "server-2026-11");
        String forged = new VoucherSigner(impostor).sign(voucherFor(ticket).build());

        assertThat(reasonOf(() -> verifier().verify(forged, ticket))).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void expiredVoucherIsAcceptedWithinTheClockSkewAndRefusedAfterIt() throws Exception {
        String compact = serverSigner.sign(voucherFor(ticket).build());
        clock.set(NOW.plusSeconds(60 + 30));
        assertThat(verifier().verify(compact, ticket)).isNotNull();

        clock.set(NOW.plusSeconds(60 + 31));
        assertThatThrownBy(() -> verifier().verify(compact, ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("expired"));
    }

    @Test
    void withoutSkewAVoucherExpiresAtItsExp() {
        String compact = serverSigner.sign(voucherFor(ticket).build());
        clock.set(NOW.plusSeconds(61));
        VoucherVerifier strict = VoucherVerifier.builder(keys(jwks(SERVER_KEY))).clock(clock).clockSkew(Duration.ZERO).build();

        assertThat(reasonOf(() -> strict.verify(compact, ticket))).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void aVoucherIsAcceptedOnceAndReplayedAfterwards() throws Exception {
        VoucherVerifier verifier = verifier();
        String compact = serverSigner.sign(voucherFor(ticket).build());

        verifier.verify(compact, ticket);

        assertThatThrownBy(() -> verifier.verify(compact, ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("replayed"));
    }

    @Test
    void aMismatchedVoucherDoesNotUseUpItsId() throws Exception {
        VoucherVerifier verifier = verifier();
        String compact = serverSigner.sign(voucherFor(ticket).build());
        Ticket otherOrder = Fixtures.basket().ticketId("tkt-other").build();

        assertThat(reasonOf(() -> verifier.verify(compact, otherOrder))).isEqualTo(RejectionReason.MISMATCH);
        assertThat(verifier.verify(compact, ticket).voucherId()).isEqualTo("v-9c1d");
    }

    static Stream<Arguments> ticketsDifferingInOneClaim() {
        return Stream.<Arguments>of(
                Arguments.of("tid", (UnaryOperator<Ticket.Builder>) b -> b.ticketId("tkt-other")),
                Arguments.of("mid", (UnaryOperator<Ticket.Builder>) b -> rebuild(b, "shop-43", "order-1001")),
                Arguments.of("oid", (UnaryOperator<Ticket.Builder>) b -> rebuild(b, "shop-42", "order-1002")),
                Arguments.of("amountMinor", (UnaryOperator<Ticket.Builder>) b -> b.item("sku-2", "Filter", 1, 100)),
                Arguments.of("vatMinor", (UnaryOperator<Ticket.Builder>) b -> b.vatMinor(551)),
                Arguments.of("currency", (UnaryOperator<Ticket.Builder>) b -> b.currency("CHF")),
                Arguments.of("serial", (UnaryOperator<Ticket.Builder>) b -> b.serial("R1-000124")),
                Arguments.of("cid", (UnaryOperator<Ticket.Builder>) b -> b.customerId("cust-78")));
    }

    /** The same basket under another merchant or order id, other claims unchanged. */
    private static Ticket.Builder rebuild(Ticket.Builder ignored, String merchantId, String orderId) {
        Ticket original = Fixtures.ticket();
        Ticket.Builder builder = Ticket.basket(merchantId, orderId).ticketId(original.ticketId())
                .customerId(original.customerId()).vatMinor(original.vatMinor()).currency(original.currency())
                .serial(original.serial()).returnUrl(original.returnUrl()).cancelUrl(original.cancelUrl())
                .issuedAt(original.issuedAt());
        original.items().forEach(builder::item);
        return builder;
    }

    @ParameterizedTest(name = "mismatch:{0}")
    @MethodSource("ticketsDifferingInOneClaim")
    void aVoucherForAnotherTicketIsAMismatchNamingTheClaim(String claim, UnaryOperator<Ticket.Builder> change) {
        String compact = serverSigner.sign(voucherFor(ticket).build());
        Ticket merchantsTicket = change.apply(Fixtures.basket()).build();

        assertThatThrownBy(() -> verifier().verify(compact, merchantsTicket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("mismatch:" + claim);
                    assertThat(rejected.mismatchedClaim()).contains(claim);
                });
    }

    @Test
    void jwksWithTwoKeysVerifiesVouchersSignedByEitherDuringRotation() throws Exception {
        VoucherVerifier verifier = verifier(jwks(SERVER_KEY, NEXT_SERVER_KEY));
        Voucher fromOldKey = voucherFor(ticket).voucherId("v-old").build();
        Voucher fromNewKey = voucherFor(ticket).voucherId("v-new").build();

        assertThat(verifier.verify(serverSigner.sign(fromOldKey), ticket)).isEqualTo(fromOldKey);
        assertThat(verifier.verify(new VoucherSigner(NEXT_SERVER_KEY).sign(fromNewKey), ticket)).isEqualTo(fromNewKey);
    }

    @Test
    void anUnknownKidTriggersOneRefetchAndIsThenUnknownKey() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        JwksSource counting = () -> {
            fetches.incrementAndGet();
            return new JWKSet(List.<JWK>of(SERVER_KEY)).toPublicJWKSet();
        };
        VoucherVerifier verifier = verifier(counting);
        verifier.verify(serverSigner.sign(voucherFor(ticket).voucherId("v-a").build()), ticket);
        clock.advance(REFETCH_INTERVAL_MIN);
        String fromUnpublishedKey = new VoucherSigner(Ed25519Keys.generate("server-unpublished"))
                .sign(voucherFor(ticket).voucherId("v-b").build());

        assertThatThrownBy(() -> verifier.verify(fromUnpublishedKey, ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> assertThat(rejected.code()).isEqualTo("unknown_key"));
        assertThat(fetches).hasValue(2);
        assertThat(reasonOf(() -> verifier.verify(fromUnpublishedKey, ticket))).isEqualTo(RejectionReason.UNKNOWN_KEY);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anUnreachableJwksIsKeysUnavailableNotBadSignature() {
        VoucherVerifier verifier = verifier(() -> {
            throw new IOException("connect timed out");
        });

        assertThatThrownBy(() -> verifier.verify(serverSigner.sign(voucherFor(ticket).build()), ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("keys_unavailable");
                    assertThat(rejected).hasMessageContaining("connect timed out");
                });
    }

    @Test
    void aRefusalOrGarbageIsMalformedAsAVoucher() {
        String refusal = serverSigner.sign(Refusal.forTicket(ticket, RefusalReason.CARD_DECLINED, "Declined", NOW));

        assertThat(reasonOf(() -> verifier().verify(refusal, ticket))).isEqualTo(RejectionReason.MALFORMED);
        assertThat(reasonOf(() -> verifier().verify("v1.not.a-voucher", ticket))).isEqualTo(RejectionReason.MALFORMED);
    }

    @Test
    void signedClaimsBreakingTheVoucherRulesAreMalformed() {
        String noCustomer = new CompactSigner(SERVER_KEY).sign(TokenType.VOUCHER,
                new JWTClaimsSet.Builder(voucherFor(ticket).build().toClaims()).claim("cid", null).build());

        assertThatThrownBy(() -> verifier().verify(noCustomer, ticket))
                .isInstanceOfSatisfying(VoucherRejectedException.class, rejected -> {
                    assertThat(rejected.code()).isEqualTo("malformed");
                    assertThat(rejected).hasMessage("malformed: cid: is required");
                });
    }
}
