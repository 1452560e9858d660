package dev.paygate.merchant.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.OctetKeyPair;

/**
 * Signs claims as a JWS compact token: alg EdDSA, the key's kid, and the token type's typ.
 * The one signing path behind tickets, vouchers and refusals. Thread-safe.
 */
public final class CompactSigner {

    private final Ed25519JwsSigner signer;
    private final String keyId;

    /** @param privateJwk an Ed25519 private JWK with a kid */
    public CompactSigner(OctetKeyPair privateJwk) {
        this.keyId = ClaimRules.requirePresent("kid", privateJwk.getKeyID());
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("kid: must not be blank");
        }
        this.signer = new Ed25519JwsSigner(privateJwk);
    }

    public String keyId() {
        return keyId;
    }

    public String sign(TokenType type, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(type.joseType())
                .keyID(keyId)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException failure) {
            throw new IllegalStateException("signing a " + type + " failed", failure);
        }
        return jwt.serialize();
    }
}
