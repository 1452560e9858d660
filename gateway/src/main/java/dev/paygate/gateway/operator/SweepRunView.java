package dev.paygate.gateway.operator;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.ledger.sweep.SweepHistory;
import java.util.List;
import java.util.Locale;

/**
 * One day's sweep on the console: what it paid out per currency and the settlement file the back unit wrote.
 *
 * @param totals e.g. {@code 3 merchants, €1,250.00}
 */
record SweepRunView(String businessDay, String messageId, String startedAt, String completedAt,
                    String settlementFile, List<String> totals) {

    static SweepRunView of(SweepHistory.SweepRun run) {
        return new SweepRunView(run.businessDay().toString(), run.messageId(), OperatorTimes.text(run.startedAt()),
                OperatorTimes.text(run.completedAt()), run.settlementFile(),
                run.totals().stream()
                        .map(total -> total.payments() + (total.payments() == 1 ? " merchant, " : " merchants, ")
                                + MoneyFormat.format(total.amountMinor(), total.currency(), Locale.ENGLISH))
                        .toList());
    }
}
