package dev.paygate.routes.reversal;

import dev.paygate.routes.retry.BackOff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Store-and-forward policy for reversals.
 *
 * @param advice           send 0420 advices (true) or 0400 requests (false)
 * @param pollIntervalMs   how often the queue is looked at
 * @param batchMax         entries taken per look
 * @param retryDelayMs     first pause after a failed attempt; doubles up to {@code retryDelayMaxMs}
 * @param retryDelayMaxMs  longest pause between attempts
 * @param attemptsMax      after this many attempts the entry is abandoned and needs an operator
 */
@ConfigurationProperties("paygate.reversal")
public record ReversalProperties(
        @DefaultValue("true") boolean advice,
        @DefaultValue("1000") long pollIntervalMs,
        @DefaultValue("20") int batchMax,
        @DefaultValue("2000") long retryDelayMs,
        @DefaultValue("300000") long retryDelayMaxMs,
        @DefaultValue("1000") int attemptsMax) {

    public BackOff backOff() {
        return new BackOff(retryDelayMs, retryDelayMaxMs);
    }
}
