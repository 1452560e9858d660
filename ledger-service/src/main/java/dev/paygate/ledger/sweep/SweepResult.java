package dev.paygate.ledger.sweep;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sweep of one business day.
 *
 * @param messageId         the pain.001 message id (GrpHdr/MsgId), one per business day
 * @param payments          every merchant paid for that day, by this run or an earlier one
 * @param settlementFile    the pain.001 file; empty when no till had money to sweep
 * @param completedEarlier  true when an earlier run had already swept every till for that day
 */
public record SweepResult(
        LocalDate businessDay,
        String messageId,
        List<SweepPayment> payments,
        Optional<Path> settlementFile,
        boolean completedEarlier) {

    public SweepResult {
        payments = List.copyOf(payments);
    }

    public long totalMinor(String currency) {
        return payments.stream()
                .filter(payment -> payment.currency().equals(currency))
                .mapToLong(SweepPayment::amountMinor)
                .sum();
    }
}
