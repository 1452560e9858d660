package dev.paygate.iso8583.field;

import java.util.Currency;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ISO 4217 alphabetic and numeric codes. DE 49 carries the numeric code (EUR 978, USD 840,
 * GBP 826); the rest of Paygate speaks alphabetic codes.
 */
public final class CurrencyCodes {

    private static final Map<String, Currency> BY_NUMERIC = Currency.getAvailableCurrencies().stream()
            .filter(currency -> currency.getNumericCode() > 0)
            .collect(Collectors.toUnmodifiableMap(
                    Currency::getNumericCodeAsString, Function.identity(), (first, second) -> first));

    private CurrencyCodes() {
    }

    /** @throws IllegalArgumentException for a code that is not ISO 4217 alphabetic */
    public static Currency currency(String alphabeticCode) {
        try {
            return Currency.getInstance(alphabeticCode);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency '" + alphabeticCode + "'", e);
        }
    }

    /** EUR to 978. */
    public static String numeric(String alphabeticCode) {
        return currency(alphabeticCode).getNumericCodeAsString();
    }

    /** 978 to EUR. */
    public static String alphabetic(String numericCode) {
        return fromNumeric(numericCode).getCurrencyCode();
    }

    /** @throws IllegalArgumentException for a code that is not ISO 4217 numeric */
    public static Currency fromNumeric(String numericCode) {
        Currency currency = numericCode == null ? null : BY_NUMERIC.get(numericCode);
        if (currency == null) {
            throw new IllegalArgumentException("unknown ISO 4217 numeric currency '" + numericCode + "'");
        }
        return currency;
    }
}
