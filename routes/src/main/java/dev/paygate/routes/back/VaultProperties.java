package dev.paygate.routes.back;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The card vault's AES-256 keys. In production they come from configuration (an environment variable
 * or a secrets file); with none configured, the embedded default generates one into {@code keyFile}.
 *
 * @param keys        key id to base64 of 32 random bytes; keep retired keys until {@code reencrypt} ran
 * @param activeKeyId the key new cards are encrypted with
 * @param keyFile     where a generated key is kept when {@code keys} is empty
 */
@ConfigurationProperties("paygate.vault")
public record VaultProperties(
        Map<String, String> keys,
        String activeKeyId,
        @DefaultValue("data/keys/vault-keys.properties") Path keyFile) {

    public VaultProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
