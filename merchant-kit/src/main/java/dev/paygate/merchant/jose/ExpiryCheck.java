package dev.paygate.merchant.jose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a token's exp has passed, allowing for clocks that disagree by up to the skew.
 * The clock is injected so tests and merchants with their own time source stay deterministic.
 */
public final class ExpiryCheck {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    /** A larger skew would stretch a 60 s voucher into something replayable for minutes. */
    public static final Duration CLOCK_SKEW_MAX = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration clockSkew;

    public ExpiryCheck(Clock clock, Duration clockSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(CLOCK_SKEW_MAX) > 0) {
            throw new IllegalArgumentException("clockSkew: " + clockSkew + " is outside 0.." + CLOCK_SKEW_MAX);
        }
        this.clockSkew = clockSkew;
    }

    public Instant now() {
        return clock.instant();
    }

    public boolean hasExpired(Instant expiresAt) {
        return now().isAfter(acceptedUntil(expiresAt));
    }

    /** The last instant a token with this exp is still accepted here: exp plus the skew. */
    public Instant acceptedUntil(Instant expiresAt) {
        return expiresAt.plus(clockSkew);
    }

    public String describeExpiry(Instant expiresAt) {
        return "exp " + expiresAt + " plus clock skew " + clockSkew.toSeconds() + " s is before now " + now();
    }
}
