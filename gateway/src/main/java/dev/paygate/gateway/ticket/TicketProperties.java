package dev.paygate.gateway.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the front unit checks tickets (docs/architecture.md step 3).
 *
 * @param clockSkewSeconds how far the merchant's clock may run behind ours before a ticket counts as expired
 */
@ConfigurationProperties("paygate.front.ticket")
public record TicketProperties(@DefaultValue("30") long clockSkewSeconds) {

    public TicketProperties {
        if (clockSkewSeconds < 0 || clockSkewSeconds > 300) {
            throw new IllegalArgumentException("paygate.front.ticket.clock-skew-seconds must be 0..300: " + clockSkewSeconds);
        }
    }

    public Duration clockSkew() {
        return Duration.ofSeconds(clockSkewSeconds);
    }
}
