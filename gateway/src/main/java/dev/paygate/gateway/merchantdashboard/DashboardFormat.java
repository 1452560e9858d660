package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.payment.MoneyFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Money and times as the dashboard shows them: the reader's number conventions, times in UTC to the second. */
record DashboardFormat(Locale locale) {

    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    static DashboardFormat of(String acceptLanguage) {
        return new DashboardFormat(MoneyFormat.localeOf(acceptLanguage));
    }

    String money(long amountMinor, String currency) {
        return currency == null ? Long.toString(amountMinor) : MoneyFormat.format(amountMinor, currency, locale);
    }

    static String time(Instant instant) {
        return instant == null ? "" : UTC_TIME.format(instant);
    }

    /** An enum-like code for people: {@code REFUSED} reads "refused". */
    static String word(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
