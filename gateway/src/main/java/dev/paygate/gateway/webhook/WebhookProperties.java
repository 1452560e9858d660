package dev.paygate.gateway.webhook;

import dev.paygate.routes.retry.BackOff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of merchant notifications ({@code paygate.webhook.*}); every limit is named and defaulted here.
 *
 * @param pollIntervalMs   pause between two looks at the outbox
 * @param batchMax         events claimed per look (at most one per merchant, to keep each merchant's order)
 * @param connectTimeoutMs TCP/TLS connect limit per delivery
 * @param readTimeoutMs    limit for the merchant's response headers per delivery
 * @param retryDelayMs     pause after the first failed attempt; doubles after each further one
 * @param retryDelayMaxMs  ceiling of that pause
 * @param attemptsMax      attempts before an event is given up as {@code failed}
 * @param ticketRefusedPerHourMax {@code ticket.refused} events recorded per merchant and hour at most: anyone can
 *                         make such a ticket with a merchant's public kid, so its announcements are bounded
 */
@ConfigurationProperties("paygate.webhook")
public record WebhookProperties(Long pollIntervalMs, Integer batchMax, Long connectTimeoutMs, Long readTimeoutMs,
                                Long retryDelayMs, Long retryDelayMaxMs, Integer attemptsMax,
                                Integer ticketRefusedPerHourMax) {

    /** Also the {@code @Scheduled} placeholder's default, which cannot read this record. */
    static final String POLL_INTERVAL_MS_DEFAULT = "1000";

    public WebhookProperties {
        pollIntervalMs = positive("poll-interval-ms", pollIntervalMs, Long.parseLong(POLL_INTERVAL_MS_DEFAULT));
        batchMax = Math.toIntExact(positive("batch-max", batchMax == null ? null : batchMax.longValue(), 20));
        connectTimeoutMs = positive("connect-timeout-ms", connectTimeoutMs, 5_000);
        readTimeoutMs = positive("read-timeout-ms", readTimeoutMs, 5_000);
        retryDelayMs = positive("retry-delay-ms", retryDelayMs, 2_000);
        retryDelayMaxMs = positive("retry-delay-max-ms", retryDelayMaxMs, 600_000);
        attemptsMax = Math.toIntExact(positive("attempts-max", attemptsMax == null ? null : attemptsMax.longValue(), 20));
        ticketRefusedPerHourMax = Math.toIntExact(positive("ticket-refused-per-hour-max",
                ticketRefusedPerHourMax == null ? null : ticketRefusedPerHourMax.longValue(), 60));
        if (retryDelayMaxMs < retryDelayMs) {
            throw new IllegalArgumentException("paygate.webhook.retry-delay-max-ms must be at least retry-delay-ms");
        }
    }

    /** The pause after the given number of failed attempts (1 = after the first): doubling, capped. */
    Duration retryDelayAfter(int failedAttempts) {
        return new BackOff(retryDelayMs, retryDelayMaxMs).delayAfter(failedAttempts);
    }

    /** How long a claimed event is reserved for one delivery: both timeouts and a margin for bookkeeping. */
    Duration lease() {
        return Duration.ofMillis(connectTimeoutMs + readTimeoutMs + 5_000);
    }

    private static long positive(String key, Long value, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("paygate.webhook." + key + " must be positive");
        }
        return value;
    }
}
