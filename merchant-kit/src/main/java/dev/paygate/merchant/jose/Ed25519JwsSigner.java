package dev.paygate.merchant.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/**
 * A nimbus {@link JWSSigner} for alg EdDSA / Ed25519 (RFC 8037) on the JDK's Ed25519 provider.
 * nimbus's own Ed25519Signer needs Google Tink at run time; this one needs nothing beyond Java 15.
 */
public final class Ed25519JwsSigner extends Ed25519Provider implements JWSSigner {

    private static final byte[] KEY_CHECK_INPUT = "paygate key check".getBytes(StandardCharsets.US_ASCII);

    private final PrivateKey privateKey;

    /** Checks once that "d" and "x" belong together, so a mixed-up JWK fails here and not at the verifier. */
    public Ed25519JwsSigner(OctetKeyPair privateJwk) {
        this.privateKey = Ed25519Keys.toPrivateKey(privateJwk);
        byte[] probeSignature = signRaw(KEY_CHECK_INPUT);
        if (!Ed25519JwsVerifier.verifyRaw(Ed25519Keys.toPublicKey(privateJwk), KEY_CHECK_INPUT, probeSignature)) {
            throw new IllegalArgumentException("the JWK's private part \"d\" does not match its public part \"x\"");
        }
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new JOSEException("only alg EdDSA is signed here, not " + header.getAlgorithm());
        }
        return Base64URL.encode(signRaw(signingInput));
    }

    private byte[] signRaw(byte[] input) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("Ed25519 signing failed", failure);
        }
    }
}
