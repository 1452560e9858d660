package dev.paygate.iso8583.field;

import java.util.Currency;
import java.util.Objects;

/**
 * Amount (DE 4) in minor units of an ISO 4217 currency (DE 49, sent as the numeric code).
 * DE 4 holds twelve digits, so the amount is bounded by {@link #AMOUNT_MINOR_MAX}.
 */
public record Money(long amountMinor, Currency currency) {

    public static final long AMOUNT_MINOR_MAX = 999_999_999_999L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor < 0 || amountMinor > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException("amountMinor must be in 0.." + AMOUNT_MINOR_MAX + ", got " + amountMinor);
        }
    }

    public static Money of(long amountMinor, String alphabeticCurrency) {
        return new Money(amountMinor, CurrencyCodes.currency(alphabeticCurrency));
    }

    @Override
    public String toString() {
        return amountMinor + " " + currency.getCurrencyCode();
    }
}
