package dev.paygate.routes.sweep;

import dev.paygate.ledger.sweep.DailySweep;
import dev.paygate.ledger.sweep.SweepResult;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.back.BackUnitConfiguration.BackSchemas;
import dev.paygate.routes.events.MerchantEvents;
import dev.paygate.routes.events.MerchantSwept;
import dev.paygate.routes.lease.BackLeases;
import dev.paygate.routes.lease.Lease;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Empties every till with a positive balance into the bank-settlement account once a day and writes the
 * settlement file. Of several back units only the one holding the sweep lease runs it; and a day already swept
 * pays nobody twice (ledger-service), should a lease change hands mid-sweep.
 */
@Component
@BackUnit
public class DailySweepJob {

    private static final Logger log = LoggerFactory.getLogger(DailySweepJob.class);

    private final DailySweep sweep;
    private final SweepProperties properties;
    private final Clock clock;
    private final MerchantEvents events;
    private final BackLeases leases;

    public DailySweepJob(DataSource dataSource, SweepProperties properties, Clock clock, MerchantEvents events,
                         BackLeases leases, BackSchemas schemas) {
        this.sweep = new DailySweep(dataSource, properties.debtor());
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.leases = leases;
    }

    @Scheduled(cron = "${paygate.sweep.cron:0 15 0 * * *}", zone = "UTC")
    void sweepTheDayThatEnded() {
        if (!leases.holds(Lease.DAILY_SWEEP)) {
            log.info("Daily sweep left to the back unit holding its lease");
            return;
        }
        sweep(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
    }

    /** Also tells the front unit about every payment, again on a re-run: the front announces each once. */
    public SweepResult sweep(LocalDate businessDay) {
        SweepResult result = sweep.run(businessDay, properties.outputDirectory());
        result.payments().forEach(payment -> events.publish(new MerchantSwept(payment.merchantId(), businessDay,
                payment.amountMinor(), payment.currency(), payment.creditorAccount().iban())));
        log.info("Sweep of {}: {} merchant payment(s){}{}", businessDay, result.payments().size(),
                result.settlementFile().map(file -> ", settlement file " + file).orElse(""),
                result.completedEarlier() ? " (completed earlier; nothing moved)" : "");
        return result;
    }
}
