package dev.paygate.routes.till;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the back unit folds till credits into till balances.
 *
 * @param intervalMs      pause between two folding rounds; a round folds until no credit is left
 * @param creditsPerFold  credits folded per database transaction (at most {@code TillCredits.CREDITS_PER_FOLD_MAX})
 */
@ConfigurationProperties("paygate.till-folding")
public record TillFoldingProperties(
        @DefaultValue(INTERVAL_MS_DEFAULT) long intervalMs,
        @DefaultValue("2000") int creditsPerFold) {

    /** Also the {@code @Scheduled} placeholder's default, which cannot read this record. */
    public static final String INTERVAL_MS_DEFAULT = "200";
}
