package dev.paygate.merchant.jose;

import static dev.paygate.merchant.Fixtures.MERCHANT_KEY;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.paygate.merchant.Fixtures;

class SignedTokenTest {

    private final CompactSigner signer = new CompactSigner(MERCHANT_KEY);
    private final JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("mid", "shop-42").claim("amountMinor", 3_300L).build();

    @Test
    void signedHeaderCarriesEdDsaTheTypeAndTheKeyId() throws Exception {
        String compact = signer.sign(TokenType.TICKET, claims);

        assertThat(Fixtures.headerJson(compact))
                .contains("\"alg\":\"EdDSA\"", "\"typ\":\"paygate-ticket+jwt\"", "\"kid\":\"shop-42-2026\"");
        SignedToken token = SignedToken.parse(compact, TokenType.TICKET);
        assertThat(token.keyId()).isEqualTo("shop-42-2026");
        assertThat(token.claims().getLongClaim("amountMinor")).isEqualTo(3_300L);
        assertThat(token.isSignedBy(MERCHANT_KEY.toPublicJWK())).isTrue();
    }

    @Test
    void changedPayloadWithTheOriginalSignatureDoesNotVerify() throws Exception {
        String forged = Fixtures.tamperPayload(signer.sign(TokenType.TICKET, claims), json -> json.replace("3300", "330"));

        assertThat(SignedToken.parse(forged, TokenType.TICKET).isSignedBy(MERCHANT_KEY.toPublicJWK())).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerify() throws Exception {
        String compact = signer.sign(TokenType.TICKET, claims);

        assertThat(SignedToken.parse(compact, TokenType.TICKET).isSignedBy(SERVER_KEY.toPublicJWK())).isFalse();
    }

    @Test
    void aTokenOfAnotherTypeIsRefusedSoAVoucherCannotPassForATicket() {
        String voucherTyped = signer.sign(TokenType.VOUCHER, claims);

        assertThatThrownBy(() -> SignedToken.parse(voucherTyped, TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("typ must be paygate-ticket+jwt");
    }

    @Test
    void typeComparisonIgnoresCaseAndTheApplicationPrefix() {
        assertThat(TokenType.TICKET.matches(new JOSEObjectType("application/Paygate-Ticket+JWT"))).isTrue();
        assertThat(TokenType.TICKET.matches(new JOSEObjectType("JWT"))).isFalse();
    }

    @Test
    void aSymmetricAlgorithmIsRefusedBeforeAnyKeyIsUsed() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("paygate-ticket+jwt")).keyID("shop-42-2026").build(), claims);
        hmac.sign(new MACSigner(new byte[32]));

        assertThatThrownBy(() -> SignedToken.parse(hmac.serialize(), TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("alg must be EdDSA");
    }

    @Test
    void unsignedOrGarbledTextIsMalformed() {
        assertThatThrownBy(() -> SignedToken.parse("eyJhbGciOiJub25lIn0.e30.", TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> SignedToken.parse("not a token", TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> SignedToken.parse("", TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessage("no token");
        assertThatThrownBy(() -> SignedToken.parse("a".repeat(SignedToken.COMPACT_LENGTH_MAX + 1), TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("longer than");
    }

    @Test
    void aGenuineTokenWithControlCharactersInOrAroundItIsMalformed() {
        String compact = signer.sign(TokenType.TICKET, claims);

        // Found by fuzzing the confirm form: the decoder skipped the bytes, the token verified, the database choked.
        assertThatThrownBy(() -> SignedToken.parse("\u0001\u0000\u0000\u0008" + compact, TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("three base64url parts");
        assertThatThrownBy(() -> SignedToken.parse(compact.replaceFirst("\\.", ".\u0000"), TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class);
        assertThatThrownBy(() -> SignedToken.parse(compact + "\u0000", TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class);
    }

    @Test
    void aHeaderWithoutKeyIdIsMalformed() throws Exception {
        SignedJWT noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("paygate-ticket+jwt")).build(), claims);
        noKid.sign(new Ed25519JwsSigner(MERCHANT_KEY));

        assertThatThrownBy(() -> SignedToken.parse(noKid.serialize(), TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("kid");
    }

    @Test
    void criticalHeaderParametersAreRefused() throws Exception {
        SignedJWT critical = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("paygate-ticket+jwt")).keyID("k")
                .criticalParams(Set.of("exp-policy")).customParam("exp-policy", "strict").build(), claims);
        critical.sign(new Ed25519JwsSigner(MERCHANT_KEY));

        assertThatThrownBy(() -> SignedToken.parse(critical.serialize(), TokenType.TICKET))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("crit");
    }
}
