package dev.paygate.gateway.keys;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.time.Instant;

/**
 * One of the payment server's Ed25519 keys. {@code toString} names the kid only: the JWK may hold the
 * private part.
 *
 * @param retiredAt null for the active key, and for a retired key that stays published for good
 */
public record ServerKey(OctetKeyPair jwk, boolean active, Instant retiredAt) {

    public String kid() {
        return jwk.getKeyID();
    }

    public OctetKeyPair publicJwk() {
        return jwk.toPublicJWK();
    }

    @Override
    public String toString() {
        return "ServerKey[kid=" + kid() + ", active=" + active + ", retiredAt=" + retiredAt + "]";
    }
}
