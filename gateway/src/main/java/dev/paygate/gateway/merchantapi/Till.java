package dev.paygate.gateway.merchantapi;

import dev.paygate.ledger.sweep.SweepHistory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The merchant's till: what the next sweep pays out, and what the latest sweeps paid to its bank account. */
record Till(String merchantId, String currency, long balanceMinor, List<Sweep> sweeps) {

    static Till of(String merchantId, String currency, long balanceMinor, List<SweepHistory.MerchantSweep> sweeps) {
        return new Till(merchantId, currency, balanceMinor, sweeps.stream()
                .map(sweep -> new Sweep(sweep.businessDay(), sweep.amountMinor(), sweep.currency(),
                        sweep.creditorIban(), sweep.paidAt()))
                .toList());
    }

    /** One daily sweep: a credit transfer of the whole till to {@code iban}. */
    record Sweep(LocalDate businessDay, long amountMinor, String currency, String iban, Instant paidAt) {
    }
}
