package dev.paygate.gateway.operator;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.routes.reversal.ReversalRecord;
import java.util.Locale;

/**
 * A reversal as the console shows it: what it reverses and how far it got. Times are ISO-8601 UTC instants.
 *
 * @param reverses     e.g. {@code 0100 STAN 000042}
 * @param status       lower case: {@code held}, {@code pending}, {@code acknowledged}, {@code cancelled},
 *                     {@code abandoned}
 * @param needsOperator abandoned: the network never acknowledged it and an operator settles it with the network
 */
record ReversalView(String ticketId, String network, String reverses, String rrn, String amount, String status,
                    int attempts, String createdAt, String nextAttemptAt, String acknowledgedAt, String lastError,
                    boolean needsOperator) {

    static ReversalView of(ReversalRecord reversal) {
        return new ReversalView(reversal.ticketId(), reversal.network(),
                reversal.originalMti() + " STAN " + "%06d".formatted(reversal.originalStan()), reversal.rrn(),
                MoneyFormat.format(reversal.amountMinor(), reversal.currency(), Locale.ENGLISH),
                reversal.status().toLowerCase(Locale.ROOT), reversal.attempts(),
                OperatorTimes.text(reversal.createdAt()), OperatorTimes.text(reversal.nextAttemptAt()),
                OperatorTimes.text(reversal.acknowledgedAt()), reversal.lastError(),
                "ABANDONED".equals(reversal.status()));
    }

    /** A payment's own reversal is kept under its ticket id; refunds' and top-ups' under ids of their own. */
    public boolean ofAPayment() {
        return !ticketId.contains(":");
    }
}
