package dev.paygate.routes.retry;

import java.time.Duration;

/**
 * The one retry pause policy of every store-and-forward queue (reversals, webhooks): {@code firstDelayMs} after
 * the first failed attempt, doubling after each further one, never longer than {@code delayMaxMs}.
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
}
