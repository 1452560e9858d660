package dev.paygate.routes.back;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the back unit chooses a settlement path (docs/architecture.md step 6).
 *
 * @param walletThresholdMinor per ISO 4217 currency, the largest amount settled on the ledger; above it
 *                             the card pays. A currency without a threshold always goes to the card.
 */
@ConfigurationProperties("paygate.decision")
public record DecisionProperties(Map<String, Long> walletThresholdMinor) {

    public DecisionProperties {
        walletThresholdMinor = walletThresholdMinor == null ? Map.of("EUR", 3000L) : Map.copyOf(walletThresholdMinor);
        walletThresholdMinor.forEach((currency, threshold) -> {
            if (!currency.matches("[A-Z]{3}") || threshold < 0) {
                throw new IllegalArgumentException("paygate.decision.wallet-threshold-minor." + currency + " = " + threshold);
            }
        });
    }
}
