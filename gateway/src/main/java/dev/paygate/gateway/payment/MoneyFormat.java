package dev.paygate.gateway.payment;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Formats minor units for people: the currency's own fraction digits (JPY none, EUR two, BHD three) and the
 * reader's conventions from Accept-Language (English when absent or unparseable).
 */
public final class MoneyFormat {

    private static final int ACCEPT_LANGUAGE_LENGTH_MAX = 256;

    private MoneyFormat() {
    }

    public static String format(long amountMinor, String currencyCode, Locale locale) {
        Currency currency = Currency.getInstance(currencyCode);
        int fractionDigits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(BigDecimal.valueOf(amountMinor, fractionDigits));
    }

    /** The reader's preferred locale from an Accept-Language header. */
    public static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > ACCEPT_LANGUAGE_LENGTH_MAX) {
            return Locale.ENGLISH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.stream()
                    .map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.startsWith("*"))
                    .findFirst()
                    .map(Locale::forLanguageTag)
                    .filter(locale -> !locale.getLanguage().isEmpty())
                    .orElse(Locale.ENGLISH);
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
