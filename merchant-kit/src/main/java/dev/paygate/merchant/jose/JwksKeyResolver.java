package dev.paygate.merchant.jose;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;

/**
 * The payment server's Ed25519 keys by kid, cached. An unknown kid (the server rotated its key)
 * triggers a refetch, but at most once per {@code refetchIntervalMin}, so a stream of forged kids
 * cannot turn a merchant into a load generator against the JWKS endpoint. The cache also expires
 * after {@code timeToLive}, so retired keys stop verifying. If a refetch fails, the keys already
 * held keep verifying. Thread-safe; share one instance between voucher and refusal verifiers. A fetch
 * runs under the lock (bounded by the source's timeouts), so concurrent verifications wait for one
 * fetch instead of each starting their own.
 */
public final class JwksKeyResolver {

    public static final Duration DEFAULT_REFETCH_INTERVAL_MIN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofMinutes(10);

    private final JwksSource source;
    private final Clock clock;
    private final Duration refetchIntervalMin;
    private final Duration timeToLive;

    private Map<String, OctetKeyPair> keysById = Map.of();
    private Instant fetchedAt;
    private Instant lastAttemptAt;
    private IOException lastFailure;

    public JwksKeyResolver(JwksSource source) {
        this(source, Clock.systemUTC(), DEFAULT_REFETCH_INTERVAL_MIN, DEFAULT_TIME_TO_LIVE);
    }

    public JwksKeyResolver(JwksSource source, Clock clock, Duration refetchIntervalMin, Duration timeToLive) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refetchIntervalMin = requirePositive("refetchIntervalMin", refetchIntervalMin);
        this.timeToLive = requirePositive("timeToLive", timeToLive);
        if (timeToLive.compareTo(refetchIntervalMin) < 0) {
            throw new IllegalArgumentException("timeToLive must not be shorter than refetchIntervalMin");
        }
    }

    /**
     * The public key with this kid, or empty when the server does not publish it.
     *
     * @throws IOException when the key is not held and the JWKS could not be fetched
     */
    public synchronized Optional<OctetKeyPair> find(String keyId) throws IOException {
        Instant now = clock.instant();
        boolean fresh = fetchedAt != null && now.isBefore(fetchedAt.plus(timeToLive));
        if (fresh && keysById.containsKey(keyId)) {
            return Optional.of(keysById.get(keyId));
        }
        if (lastAttemptAt == null || !now.isBefore(lastAttemptAt.plus(refetchIntervalMin))) {
            refetch(now);
        }
        OctetKeyPair key = keysById.get(keyId);
        if (key != null) {
            return Optional.of(key);
        }
        if (lastFailure != null) {
            throw new IOException("JWKS unavailable: " + lastFailure.getMessage(), lastFailure);
        }
        return Optional.empty();
    }

    private void refetch(Instant now) {
        lastAttemptAt = now;
        try {
            keysById = ed25519SigningKeys(source.fetch());
            fetchedAt = now;
            lastFailure = null;
        } catch (IOException failure) {
            lastFailure = failure;
        }
    }

    /** Keeps public Ed25519 signing keys with a kid; other keys in the set are ignored, not errors. */
    private static Map<String, OctetKeyPair> ed25519SigningKeys(JWKSet set) {
        Map<String, OctetKeyPair> keys = new HashMap<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk instanceof OctetKeyPair okp
                    && Curve.Ed25519.equals(okp.getCurve())
                    && okp.getKeyID() != null
                    && (okp.getKeyUse() == null || KeyUse.SIGNATURE.equals(okp.getKeyUse()))
                    && (okp.getAlgorithm() == null || JWSAlgorithm.EdDSA.equals(okp.getAlgorithm()))) {
                keys.put(okp.getKeyID(), okp.toPublicJWK());
            }
        }
        return Map.copyOf(keys);
    }

    private static Duration requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
