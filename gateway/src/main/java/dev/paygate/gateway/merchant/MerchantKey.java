package dev.paygate.gateway.merchant;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.time.Instant;

/** A merchant's ticket-signing public key as the front unit knows it (docs/architecture.md step 1, "Formats"). */
public record MerchantKey(String merchantId, String merchantName, String kid, OctetKeyPair publicKey, boolean active,
                          Instant createdAt) {
}
