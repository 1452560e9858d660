package dev.paygate.merchant.jose;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

/** A nimbus {@link JWSVerifier} for alg EdDSA / Ed25519 (RFC 8037) on the JDK's Ed25519 provider. */
public final class Ed25519JwsVerifier extends Ed25519Provider implements JWSVerifier {

    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey publicKey;

    public Ed25519JwsVerifier(OctetKeyPair publicJwk) {
        this.publicKey = Ed25519Keys.toPublicKey(publicJwk);
    }

    /** False for any other alg or for critical header parameters, since this kit defines none (RFC 7515 4.1.11). */
    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) || header.getCriticalParams() != null) {
            return false;
        }
        return verifyRaw(publicKey, signingInput, signature.decode());
    }

    static boolean verifyRaw(PublicKey publicKey, byte[] input, byte[] signatureBytes) {
        if (signatureBytes.length != SIGNATURE_BYTES) {
            return false;
        }
        Signature signature;
        try {
            signature = Signature.getInstance("Ed25519");
        } catch (NoSuchAlgorithmException noEd25519) {
            throw new IllegalStateException("this JVM has no Ed25519 provider (Java 15+ is required)", noEd25519);
        }
        try {
            signature.initVerify(publicKey);
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException malformedSignature) {
            return false;
        }
    }
}
