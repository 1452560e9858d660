package dev.paygate.merchant;

import static dev.paygate.merchant.Fixtures.MERCHANT_KEY;
import static dev.paygate.merchant.Fixtures.NOW;
import static dev.paygate.merchant.Fixtures.SERVER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.SignedJWT;

import dev.paygate.merchant.jose.Ed25519JwsSigner;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketVerifier;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherSigner;

/**
 * Tokens from this kit verify with code that shares nothing with it, and tokens from a stock JOSE
 * library verify with this kit: the formats are plain RFC 7515 / RFC 8037.
 */
class InteropTest {

    private final String voucher = new VoucherSigner(SERVER_KEY)
            .sign(Voucher.forTicket(Fixtures.ticket()).voucherId("v-9c1d").registerSerial(1_042).wallet().issuedAt(NOW).build());
    private final String publishedJwks = Ed25519Keys.publicJwksJson(List.of(SERVER_KEY));

    @Test
    void rawJdkVerifiesAVoucherFromTheSigningInputAndTheJwksXCoordinate() throws Exception {
        String[] parts = voucher.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String x = jsonString(publishedJwks, "x");

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKeyFromRawX(Base64.getUrlDecoder().decode(x)));
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(header).contains("\"alg\":\"EdDSA\"", "\"kid\":\"server-2026-11\"", "\"typ\":\"paygate-voucher+jwt\"");
        assertThat(payload).contains("\"vid\":\"v-9c1d\"", "\"amountMinor\":3300", "\"currency\":\"EUR\"");
    }

    @Test
    void nimbusStockVerifierOnTinkAcceptsAVoucher() throws Exception {
        OctetKeyPair published = OctetKeyPair.parse(JWKSet.parse(publishedJwks)
                .getKeyByKeyId("server-2026-11").toJSONObject());

        assertThat(SignedJWT.parse(voucher).verify(new Ed25519Verifier(published))).isTrue();
    }

    @Test
    void aTicketSignedByNimbusStockSignerOnTinkVerifiesWithThisKit() throws Exception {
        Ticket ticket = Fixtures.ticket();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("paygate-ticket+jwt")).keyID("shop-42-2026").build(), ticket.toClaims());
        jwt.sign(new Ed25519Signer(MERCHANT_KEY));
        TicketVerifier verifier = new TicketVerifier((merchantId, keyId) -> Optional.of(MERCHANT_KEY.toPublicJWK()),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));

        assertThat(verifier.verify(jwt.serialize())).isEqualTo(ticket);
    }

    @Test
    void signerReproducesTheRfc8037Ed25519Example() throws Exception {
        // RFC 8037 appendix A.1 key and A.4 expected JWS; Ed25519 is deterministic, so the bytes must match.
        OctetKeyPair rfcKey = OctetKeyPair.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
                + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("Example of Ed25519 signing"));

        jws.sign(new Ed25519JwsSigner(rfcKey));

        assertThat(jws.serialize()).isEqualTo("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
                + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg");
    }

    /** RFC 8032 5.1.3: little-endian y with x's parity in the top bit of the last byte. */
    private static PublicKey publicKeyFromRawX(byte[] raw) throws Exception {
        boolean xOdd = (raw[31] & 0x80) != 0;
        byte[] bigEndianY = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndianY[i] = raw[31 - i];
        }
        bigEndianY[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndianY));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static String jsonString(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError(name + " not found in " + json);
        }
        return matcher.group(1);
    }
}
