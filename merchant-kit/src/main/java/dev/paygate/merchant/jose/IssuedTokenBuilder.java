package dev.paygate.merchant.jose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What every token builder shares: the issue time ({@code iat}, whole seconds, defaulting to the clock's now) and
 * the validity that sets {@code exp}. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class IssuedTokenBuilder<B extends IssuedTokenBuilder<B>> {

    private Instant issuedAt;
    private Duration validity;
    private Clock clock = Clock.systemUTC();

    protected IssuedTokenBuilder(Duration defaultValidity) {
        this.validity = defaultValidity;
    }

    /** Defaults to the clock's now. */
    public B issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return self();
    }

    /** Defaults to the token's {@code DEFAULT_VALIDITY}. */
    public B validFor(Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
        this.validity = validity;
        return self();
    }

    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** The issue time, truncated to whole seconds as the claim carries it. */
    protected Instant issued() {
        return ClaimRules.toWholeSeconds(ClaimNames.ISSUED_AT, issuedAt != null ? issuedAt : clock.instant());
    }

    protected Instant expiresAt(Instant issued) {
        return issued.plus(validity);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
