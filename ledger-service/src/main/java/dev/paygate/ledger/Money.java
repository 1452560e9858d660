package dev.paygate.ledger;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** Checks and conversions for money: {@code long} minor units plus an ISO 4217 alphabetic code. */
public final class Money {

    private Money() {
    }

    /** Returns the code when it names an ISO 4217 currency, else throws. */
    public static String requireCurrency(String currency) {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 alphabetic code: " + currency);
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("not an ISO 4217 currency: " + currency, unknown);
        }
        return currency;
    }

    public static long requirePositive(long amountMinor, String name) {
        if (amountMinor <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + amountMinor);
        }
        return amountMinor;
    }

    public static long requireNotNegative(long amountMinor, String name) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + amountMinor);
        }
        return amountMinor;
    }

    /** The amount in major units with the currency's own number of decimals (EUR 1234 -> 12.34). */
    public static BigDecimal toMajorUnits(long amountMinor, String currency) {
        int fractionDigits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amountMinor, fractionDigits);
    }
}
