package dev.paygate.routes.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one retry pause policy of the gateway (reversals, webhooks, card network reconnects): {@code firstDelayMs}
 * after the first failed attempt, doubling after each further one, never longer than {@code delayMaxMs}.
 */
public record BackOff(long firstDelayMs, long delayMaxMs) {

    /** Doubling stops here: 2^30 times any first pause is past every sensible maximum. */
    private static final int DOUBLINGS_MAX = 30;

    public BackOff {
        if (firstDelayMs <= 0 || delayMaxMs < firstDelayMs) {
            throw new IllegalArgumentException("back-off needs 0 < first delay (" + firstDelayMs
                    + " ms) <= maximum delay (" + delayMaxMs + " ms)");
        }
    }

    /** The pause after {@code failedAttempts} failures in a row (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, DOUBLINGS_MAX);
        return Duration.ofMillis(Math.min(firstDelayMs << doublings, delayMaxMs));
    }

    /**
     * {@link #delayAfter} drawn at random from its upper half ("equal jitter"), so that many clients cut off
     * together (every back unit when a card network restarts) do not all come back in the same millisecond,
     * while each still waits at least half the pause and never more than the maximum.
     */
    public Duration jitteredDelayAfter(int failedAttempts, RandomGenerator random) {
        long delayMs = delayAfter(failedAttempts).toMillis();
        long halfMs = delayMs / 2;
        return Duration.ofMillis(delayMs - halfMs + random.nextLong(halfMs + 1));
    }
}
