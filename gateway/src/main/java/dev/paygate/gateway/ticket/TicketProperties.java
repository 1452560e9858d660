package dev.paygate.gateway.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the front unit checks tickets (docs/architecture.md step 3).
 *
 * @param clockSkewSeconds   how far the merchant's clock may differ from ours: behind before a ticket counts as
 *                           expired, ahead before its {@code iat} counts as in the future
 * @param validityMaxSeconds the longest {@code exp - iat} a ticket may have
 */
@ConfigurationProperties("paygate.front.ticket")
public record TicketProperties(@DefaultValue("30") long clockSkewSeconds,
                               @DefaultValue("86400") long validityMaxSeconds) {

    public TicketProperties {
        if (clockSkewSeconds < 0 || clockSkewSeconds > 300) {
            throw new IllegalArgumentException("paygate.front.ticket.clock-skew-seconds must be 0..300: " + clockSkewSeconds);
        }
        if (validityMaxSeconds < 60 || validityMaxSeconds > 2_592_000) {
            throw new IllegalArgumentException("paygate.front.ticket.validity-max-seconds must be 60..2592000: "
                    + validityMaxSeconds);
        }
    }

    public Duration validityMax() {
        return Duration.ofSeconds(validityMaxSeconds);
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }
}
