package dev.paygate.gateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A merchant's verification with a JOSE library the server does not use (jose4j; the server signs with
 * nimbus over the JDK's Ed25519): the JWKS as published, the key by the header's kid, EdDSA only.
 */
final class IndependentJwsVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String jwksJson;
    private final JsonNode jwks;

    IndependentJwsVerifier(String jwksJson) {
        this.jwksJson = jwksJson;
        this.jwks = read(jwksJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload's claims when the signature verifies with the JWKS key named by the header's kid; else null. */
    JsonNode verifiedClaims(String compact) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA));
            jws.setCompactSerialization(compact);
            JsonWebKey key = new JsonWebKeySet(jwksJson).findJsonWebKey(jws.getKeyIdHeaderValue(), "OKP", null, null);
            if (key == null) {
                return null;
            }
            jws.setKey(key.getKey());
            return jws.verifySignature() ? read(jws.getPayloadBytes()) : null;
        } catch (JoseException e) {
            return null;
        }
    }

    JsonNode keys() {
        return jwks.path("keys");
    }

    private JsonNode keyById(String kid) {
        for (JsonNode key : jwks.path("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                return key;
            }
        }
        return null;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
