package dev.paygate.gateway.keys;

import com.nimbusds.jose.jwk.OctetKeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The payment server's keys: exactly one active key signs vouchers and refusals; retired keys stay
 * published in the JWKS until every voucher they signed has expired ({@code retiredAt + voucher validity}).
 */
public final class ServerKeyRing {

    private final List<ServerKey> keys;
    private final ServerKey active;
    private final Duration voucherValidity;

    public ServerKeyRing(List<ServerKey> keys, Duration voucherValidity) {
        List<ServerKey> activeKeys = keys.stream().filter(ServerKey::active).toList();
        if (activeKeys.size() != 1) {
            throw new IllegalArgumentException("exactly one server key must be active, found " + activeKeys.size());
        }
        if (!activeKeys.getFirst().jwk().isPrivate()) {
            throw new IllegalArgumentException("the active server key " + activeKeys.getFirst().kid()
                    + " needs its private part \"d\" to sign");
        }
        Set<String> kids = new HashSet<>();
        for (ServerKey key : keys) {
            if (!kids.add(key.kid())) {
                throw new IllegalArgumentException("two server keys share the kid " + key.kid());
            }
        }
        this.keys = List.copyOf(keys);
        this.active = activeKeys.getFirst();
        this.voucherValidity = voucherValidity;
    }

    /** The key that signs now. */
    public ServerKey active() {
        return active;
    }

    /** The public halves to publish at {@code now}: the active key first, then retired keys still needed. */
    public List<OctetKeyPair> published(Instant now) {
        return keys.stream()
                .sorted((left, right) -> Boolean.compare(right.active(), left.active()))
                .filter(key -> key.active() || key.retiredAt() == null
                        || now.isBefore(key.retiredAt().plus(voucherValidity)))
                .map(ServerKey::publicJwk)
                .toList();
    }
}
