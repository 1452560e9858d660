package dev.paygate.gateway.customer;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.HistoryEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the account page shows, already formatted for the reader; times in UTC. The history holds payments and
 * wallet top-ups together, newest first; merchants appear by their registered name.
 *
 * @param card the card on file as the customer knows it ("card ending 0002"); null without one
 */
record AccountPageView(String customerId, String balance, String cap, String currency, String card,
                       List<HistoryRow> history, List<VoucherRow> vouchers) {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * @param kind   {@code payment} or {@code top-up}
     * @param what   the merchant's name for a payment, "Wallet top-up" for a top-up
     * @param amount signed from the wallet's side for a top-up ("+€25.00")
     * @param paidBy {@code wallet}, {@code card}, or the card a top-up charged
     */
    record HistoryRow(Instant at, String date, String kind, String what, String orderId, String amount, String paidBy,
                      String status, String reason) {
    }

    record VoucherRow(String voucherId, String date, String merchantName, String orderId) {
    }

    static AccountPageView of(AccountAnswer.CustomerOverview overview, List<StoredVoucher> vouchers,
                              Function<String, String> merchantNames, int historyRowsMax, Locale locale) {
        String card = cardName(overview.cardLastFour());
        List<HistoryRow> history = Stream.concat(
                        overview.entries().stream().map(entry -> payment(entry, merchantNames, locale)),
                        overview.topUps().stream().map(topUp -> topUp(topUp, card, locale)))
                .sorted(Comparator.comparing(HistoryRow::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(historyRowsMax)
                .toList();
        return new AccountPageView(overview.customerId(),
                MoneyFormat.format(overview.balanceMinor(), overview.currency(), locale),
                MoneyFormat.format(overview.capMinor(), overview.currency(), locale),
                overview.currency(), card, history,
                vouchers.stream().map(voucher -> new VoucherRow(voucher.voucherId(), time(voucher.createdAt()),
                        merchantNames.apply(voucher.merchantId()), voucher.orderId())).toList());
    }

    /** Only the last four digits ever reach the front unit. */
    static String cardName(String lastFour) {
        return lastFour == null ? null : "card ending " + lastFour;
    }

    private static HistoryRow payment(HistoryEntry entry, Function<String, String> merchantNames, Locale locale) {
        return new HistoryRow(entry.registeredAt(), time(entry.registeredAt()), "payment",
                merchantNames.apply(entry.merchantId()), entry.orderId(),
                MoneyFormat.format(entry.amountMinor(), entry.currency(), locale), entry.path(),
                entry.status().toLowerCase(Locale.ROOT), entry.reason());
    }

    private static HistoryRow topUp(WalletTopUps.TopUp topUp, String card, Locale locale) {
        return new HistoryRow(topUp.toppedUpAt(), time(topUp.toppedUpAt()), "top-up", "Wallet top-up", null,
                "+" + MoneyFormat.format(topUp.amountMinor(), topUp.currency(), locale),
                card == null ? "your card" : card, "approved", null);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : UTC_TIME.format(instant);
    }
}
