package dev.paygate.gateway.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A merchant's verification written from the RFCs alone, sharing no code with how the server signs (the kit:
 * nimbus and the JDK's Ed25519): JWKS and JWS parsed with Jackson by RFC 7517/7515, the signature checked by
 * BouncyCastle's Ed25519 per RFC 8037.
 */
final class IndependentJwsVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final JsonNode jwks;

    IndependentJwsVerifier(String jwksJson) {
        this.jwks = read(jwksJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload's claims when the signature verifies with the JWKS key named by the header's kid; else null. */
    JsonNode verifiedClaims(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        JsonNode header = read(BASE64URL.decode(parts[0]));
        if (!"EdDSA".equals(header.path("alg").asText())) {
            return null;
        }
        JsonNode key = keyById(header.path("kid").asText());
        if (key == null || !"OKP".equals(key.path("kty").asText()) || !"Ed25519".equals(key.path("crv").asText())) {
            return null;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(BASE64URL.decode(key.path("x").asText()), 0));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        verifier.update(signingInput, 0, signingInput.length);
        return verifier.verifySignature(BASE64URL.decode(parts[2])) ? read(BASE64URL.decode(parts[1])) : null;
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
