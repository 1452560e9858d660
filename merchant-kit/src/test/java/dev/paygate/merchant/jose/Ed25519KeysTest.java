package dev.paygate.merchant.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.text.ParseException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

class Ed25519KeysTest {

    @Test
    void generatedKeyIdIsTheRfc7638Thumbprint() throws Exception {
        OctetKeyPair key = Ed25519Keys.generate();

        assertThat(key.getCurve()).isEqualTo(Curve.Ed25519);
        assertThat(Ed25519Keys.keyId(key)).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getDecodedX()).hasSize(32);
        assertThat(key.getDecodedD()).hasSize(32);
    }

    @Test
    void privateJsonRoundTripsAndPublicJwkHasNoPrivatePart() throws Exception {
        OctetKeyPair key = Ed25519Keys.generate("merchant-1");

        OctetKeyPair restored = Ed25519Keys.parse(Ed25519Keys.toPrivateJson(key));
        String publicJson = Ed25519Keys.publicJwkJson(key);

        assertThat(restored).isEqualTo(key);
        assertThat(publicJson).contains("\"x\"", "\"kid\":\"merchant-1\"", "\"crv\":\"Ed25519\"").doesNotContain("\"d\"");
        assertThat(Ed25519Keys.parse(publicJson).isPrivate()).isFalse();
        assertThat(Ed25519Keys.publicJwk(key)).isEqualTo(Ed25519Keys.parse(publicJson));
    }

    @Test
    void publishedJwksCarriesOnlyPublicHalves() throws Exception {
        String jwks = Ed25519Keys.publicJwksJson(List.of(Ed25519Keys.generate("a"), Ed25519Keys.generate("b")));

        assertThat(JWKSet.parse(jwks).getKeys()).extracting(k -> k.getKeyID()).containsExactly("a", "b");
        assertThat(jwks).doesNotContain("\"d\"");
    }

    @Test
    void jdkKeysSignAndVerifyTogether() throws Exception {
        OctetKeyPair key = Ed25519Keys.generate("k");
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(Ed25519Keys.toPrivateKey(key));
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(Ed25519Keys.toPublicKey(key));
        verifier.update(message);

        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void parseRefusesKeysThatAreNotEd25519OrHaveNoKeyId() throws Exception {
        ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        OctetKeyPair withoutKeyId = Ed25519Keys.generate(null);

        assertThatThrownBy(() -> Ed25519Keys.parse(ecKey.toJSONString()))
                .isInstanceOf(ParseException.class).hasMessageContaining("Ed25519");
        assertThatThrownBy(() -> Ed25519Keys.parse(withoutKeyId.toJSONString()))
                .isInstanceOf(ParseException.class).hasMessageContaining("kid");
    }

    @Test
    void signerRefusesAJwkWhosePrivateAndPublicPartsDoNotBelongTogether() {
        OctetKeyPair one = Ed25519Keys.generate("one");
        OctetKeyPair other = Ed25519Keys.generate("other");
        OctetKeyPair mixed = new OctetKeyPair.Builder(Curve.Ed25519, one.getX()).d(other.getD()).keyID("one").build();

        assertThatThrownBy(() -> new CompactSigner(mixed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void signingNeedsThePrivateKey() {
        OctetKeyPair publicOnly = Ed25519Keys.generate("p").toPublicJWK();

        assertThatThrownBy(() -> new CompactSigner(publicOnly))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private key is required");
    }
}
