package dev.paygate.gateway.customer;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.HistoryEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the account page shows, already formatted for the reader; times in UTC. */
record AccountPageView(String customerId, String balance, String cap, String currency, List<HistoryRow> history,
                       List<VoucherRow> vouchers) {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    record HistoryRow(String date, String merchantId, String orderId, String amount, String path, String status,
                      String reason) {
    }

    record VoucherRow(String voucherId, String date, String merchantId, String orderId) {
    }

    static AccountPageView of(AccountAnswer.CustomerOverview overview, List<StoredVoucher> vouchers, Locale locale) {
        return new AccountPageView(overview.customerId(),
                MoneyFormat.format(overview.balanceMinor(), overview.currency(), locale),
                MoneyFormat.format(overview.capMinor(), overview.currency(), locale),
                overview.currency(),
                overview.entries().stream().map(entry -> row(entry, locale)).toList(),
                vouchers.stream().map(voucher -> new VoucherRow(voucher.voucherId(), time(voucher.createdAt()),
                        voucher.merchantId(), voucher.orderId())).toList());
    }

    private static HistoryRow row(HistoryEntry entry, Locale locale) {
        return new HistoryRow(time(entry.registeredAt()), entry.merchantId(), entry.orderId(),
                MoneyFormat.format(entry.amountMinor(), entry.currency(), locale), entry.path(),
                entry.status().toLowerCase(Locale.ROOT), entry.reason());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : UTC_TIME.format(instant);
    }
}
