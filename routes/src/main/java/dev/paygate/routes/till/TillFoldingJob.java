package dev.paygate.routes.till;

import dev.paygate.ledger.TillCredits;
import dev.paygate.routes.BackUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the till credits that payments append into the tills' balances, in batches. Every back unit runs it; the
 * database lets one fold run at a time and the others' turns pass at once, so a dead back unit leaves nothing to
 * take over. Balances read the same before and after a fold: folding only keeps the unfolded credits few.
 */
@Component
@BackUnit
public record TillFoldingJob(TillCredits tillCredits, TillFoldingProperties properties) {

    private static final Logger log = LoggerFactory.getLogger(TillFoldingJob.class);

    @Scheduled(fixedDelayString = "${paygate.till-folding.interval-ms:" + TillFoldingProperties.INTERVAL_MS_DEFAULT + "}")
    void foldPendingCredits() {
        long folded = tillCredits.foldPending(properties.creditsPerFold());
        if (folded > 0) {
            log.debug("Folded {} till credit(s)", folded);
        }
    }
}
