package dev.paygate.gateway.merchantdashboard;

import dev.paygate.routes.account.AccountAnswer;
import java.util.List;

/** The till and its latest sweeps, formatted for people. */
record TillView(String balance, String currency, List<SweepRow> sweeps) {

    /** @param businessDay ISO date, also the settlement file's key */
    record SweepRow(String businessDay, String amount, String iban, String paidAt) {
    }

    static TillView of(AccountAnswer.MerchantTill till, DashboardFormat format) {
        return new TillView(format.money(till.balanceMinor(), till.currency()), till.currency(),
                till.sweeps().stream().map(sweep -> new SweepRow(sweep.businessDay().toString(),
                        format.money(sweep.amountMinor(), sweep.currency()), sweep.creditorIban(),
                        DashboardFormat.time(sweep.paidAt()))).toList());
    }
}
