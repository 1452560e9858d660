package dev.paygate.merchant.jose;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * The checks every token signed by the payment server goes through on the merchant side, in order:
 * shape, key by kid from the JWKS, signature, claims, expiry. Voucher and refusal verifiers add their
 * own matching on top, and throw their own exception type through {@link Rejections}.
 *
 * @param <T> the token model
 * @param <E> the exception the caller's API declares
 */
public final class ServerTokenVerifier<T, E extends TokenRejectedException> {

    /** Maps verified claims to the model; the model's validation failures surface as {@code malformed}. */
    @FunctionalInterface
    public interface ClaimsMapper<T> {
        T fromClaims(JWTClaimsSet claims) throws InvalidClaimsException;
    }

    @FunctionalInterface
    public interface Rejections<E extends TokenRejectedException> {
        E rejected(RejectionReason reason, String claim, String detail, Throwable cause);
    }

    private final TokenType type;
    private final ClaimsMapper<T> mapper;
    private final Function<T, Instant> expiresAt;
    private final Rejections<E> rejections;
    private final JwksKeyResolver keys;
    private final ExpiryCheck expiry;

    public ServerTokenVerifier(TokenType type, ClaimsMapper<T> mapper, Function<T, Instant> expiresAt,
            Rejections<E> rejections, JwksKeyResolver keys, ExpiryCheck expiry) {
        this.type = Objects.requireNonNull(type, "type");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    public T verify(String compact) throws E {
        SignedToken token;
        try {
            token = SignedToken.parse(compact, type);
        } catch (MalformedTokenException malformed) {
            throw rejections.rejected(RejectionReason.MALFORMED, null, malformed.getMessage(), malformed);
        }
        OctetKeyPair key = publicKey(token.keyId());
        if (!token.isSignedBy(key)) {
            throw reject(RejectionReason.BAD_SIGNATURE, "signature does not verify with kid " + token.keyId());
        }
        T model;
        try {
            model = mapper.fromClaims(token.claims());
        } catch (InvalidClaimsException invalid) {
            throw rejections.rejected(RejectionReason.MALFORMED, null, invalid.getMessage(), invalid);
        }
        Instant expires = expiresAt.apply(model);
        if (expiry.hasExpired(expires)) {
            throw reject(RejectionReason.EXPIRED, expiry.describeExpiry(expires));
        }
        return model;
    }

    /** Throws {@code mismatch:<claim>} unless the token's value equals the ticket's. */
    public void requireMatch(String claim, Object expected, Object actual) throws E {
        if (!Objects.equals(expected, actual)) {
            throw rejections.rejected(RejectionReason.MISMATCH, claim,
                    "token has " + claim + " " + actual + ", the ticket has " + expected, null);
        }
    }

    public E reject(RejectionReason reason, String detail) {
        return rejections.rejected(reason, null, detail, null);
    }

    /** The instant until which a voucher id must be remembered: after it the token fails as expired anyway. */
    public Instant acceptedUntil(T model) {
        return expiry.acceptedUntil(expiresAt.apply(model));
    }

    private OctetKeyPair publicKey(String keyId) throws E {
        Optional<OctetKeyPair> key;
        try {
            key = keys.find(keyId);
        } catch (IOException unavailable) {
            throw rejections.rejected(RejectionReason.KEYS_UNAVAILABLE, null, unavailable.getMessage(), unavailable);
        }
        return key.orElseThrow(() -> reject(RejectionReason.UNKNOWN_KEY, "kid " + keyId + " is not in the JWKS"));
    }
}
