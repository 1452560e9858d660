package dev.paygate.gateway.voucher;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vouchers and refusals the front unit signs (docs/architecture.md step 7).
 *
 * @param validitySeconds how long after {@code iat} a voucher or refusal is accepted ({@code exp})
 */
@ConfigurationProperties("paygate.front.voucher")
public record VoucherProperties(@DefaultValue("60") long validitySeconds) {

    public VoucherProperties {
        if (validitySeconds < 1 || validitySeconds > 86_400) {
            throw new IllegalArgumentException("paygate.front.voucher.validity-seconds must be 1..86400: " + validitySeconds);
        }
    }

    public Duration validity() {
        return Duration.ofSeconds(validitySeconds);
    }
}
