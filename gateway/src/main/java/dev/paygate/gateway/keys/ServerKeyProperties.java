package dev.paygate.gateway.keys;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment server's voucher-signing keys, {@code paygate.front.keys}. Empty (the embedded default): one
 * key is generated and kept under {@code <paygate.data-directory>/keys/}. To rotate, add the new key as
 * {@code active} and mark the old one {@code retired} with its {@code retired-at}: it stays in the JWKS until
 * the last voucher it signed has expired.
 */
@ConfigurationProperties("paygate.front")
public record ServerKeyProperties(@DefaultValue List<ConfiguredKey> keys) {

    /**
     * @param kid       the key id published in the JWKS and put in each voucher's header
     * @param jwk       the key as JWK JSON (RFC 8037 OKP Ed25519); the active key needs its private part "d"
     * @param jwkFile   a file holding that JSON, instead of {@code jwk}
     * @param status    {@code active} (signs; exactly one) or {@code retired} (published only)
     * @param retiredAt when the key stopped signing; empty keeps a retired key published for good
     */
    public record ConfiguredKey(
            String kid,
            String jwk,
            Path jwkFile,
            @DefaultValue("active") KeyStatus status,
            Instant retiredAt) {

        @Override
        public String toString() {
            return "ConfiguredKey[kid=" + kid + ", jwkFile=" + jwkFile + ", status=" + status + ", retiredAt=" + retiredAt + "]";
        }
    }

    public enum KeyStatus {
        ACTIVE,
        RETIRED
    }
}
