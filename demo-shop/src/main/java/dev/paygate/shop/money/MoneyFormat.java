package dev.paygate.shop.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Money for people: {@code EUR 1,234.50}. Amounts stay integer minor units everywhere else; this only
 * places the decimal point where the currency puts it (EUR 2 digits, JPY 0, BHD 3). Templates call it
 * as {@code @money}.
 */
@Component("money")
public final class MoneyFormat {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    public String format(long amountMinor, String currencyCode) {
        int fractionDigits = fractionDigits(currencyCode);
        DecimalFormat pattern = new DecimalFormat(fractionDigits == 0 ? "#,##0" : "#,##0." + "0".repeat(fractionDigits),
                SYMBOLS);
        // BigDecimal.valueOf(unscaled, scale) is exact: no floating point on the way.
        return currencyCode + " " + pattern.format(BigDecimal.valueOf(amountMinor, fractionDigits));
    }

    static int fractionDigits(String currencyCode) {
        // Pseudo-currencies such as XXX report -1: they have no minor unit.
        return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    }
}
