package dev.paygate.gateway.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.voucher.VoucherProperties;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.voucher.VoucherSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the {@link ServerKeyRing} from {@code paygate.front.keys}, or from the generated key when none is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServerKeyProperties.class, VoucherProperties.class})
public class ServerKeyConfiguration {

    @Bean
    ServerKeyRing serverKeyRing(ServerKeyProperties properties, VoucherProperties vouchers,
                                @Value("${paygate.data-directory:data}") Path dataDirectory) {
        List<ServerKey> keys = properties.keys().isEmpty()
                ? List.of(new ServerKey(GeneratedServerKey.loadOrCreate(dataDirectory.resolve("keys")), true, null))
                : properties.keys().stream().map(ServerKeyConfiguration::toServerKey).toList();
        return new ServerKeyRing(keys, vouchers.validity());
    }

    /** The kit's signer for vouchers and refusals, with the active key; restart to rotate. */
    @Bean
    VoucherSigner voucherSigner(ServerKeyRing keyRing) {
        return new VoucherSigner(keyRing.active().jwk());
    }

    static ServerKey toServerKey(ServerKeyProperties.ConfiguredKey configured) {
        String where = "paygate.front.keys[kid=" + configured.kid() + "]";
        if (configured.kid() == null || configured.kid().isBlank()) {
            throw new IllegalArgumentException("every entry of paygate.front.keys needs a kid");
        }
        if ((configured.jwk() == null) == (configured.jwkFile() == null)) {
            throw new IllegalArgumentException(where + ": give exactly one of jwk and jwk-file");
        }
        boolean active = configured.status() == ServerKeyProperties.KeyStatus.ACTIVE;
        if (active && configured.retiredAt() != null) {
            throw new IllegalArgumentException(where + ": an active key has no retired-at");
        }
        try {
            String json = configured.jwk() != null
                    ? configured.jwk()
                    : Files.readString(configured.jwkFile(), StandardCharsets.UTF_8);
            if (!(JWK.parse(json) instanceof OctetKeyPair okp)) {
                throw new IllegalArgumentException(where + ": not an OKP (Ed25519) JWK");
            }
            if (okp.getKeyID() != null && !okp.getKeyID().equals(configured.kid())) {
                throw new IllegalArgumentException(where + ": the JWK's own kid is " + okp.getKeyID());
            }
            OctetKeyPair key = Ed25519Keys.parse(Ed25519Keys.withKeyId(okp, configured.kid()).toJSONString());
            return new ServerKey(key, active, configured.retiredAt());
        } catch (ParseException e) {
            // The message of a JWK parse error can quote the JSON, which holds the private key: leave it out.
            throw new IllegalArgumentException(where + ": not a valid Ed25519 JWK");
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": cannot read " + configured.jwkFile(), e);
        }
    }
}
