package dev.paygate.routes.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closing card entries a crashed back unit left PENDING before their request left.
 *
 * @param closeAfterMs   an entry without a STAN this long after it was registered was never sent: it is refused
 * @param pollIntervalMs how often the register is looked at
 * @param batchMax       entries closed per look
 */
@ConfigurationProperties("paygate.card.unsent")
public record UnsentCardPaymentsProperties(
        @DefaultValue("30000") long closeAfterMs,
        @DefaultValue("5000") long pollIntervalMs,
        @DefaultValue("100") int batchMax) {
}
