package dev.paygate.gateway.payment;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * An amount as a person types it ("25", "25.50", or with a decimal comma as most of Europe writes it, "25,50")
 * read into minor units of a currency. A text with both a comma and a point is refused: "1,050.00" and
 * "1.050,00" mean the same to their writers and opposite things to a parser.
 */
public final class TypedAmount {

    /** Longest amount text read; anything longer is not an amount anyone pays or refunds here. */
    private static final int TEXT_LENGTH_MAX = 16;

    private TypedAmount() {
    }

    /** A positive amount in minor units, or empty when the text is not one. */
    public static Optional<Long> minorUnits(String text, String currencyCode) {
        if (text == null || text.isBlank() || text.length() > TEXT_LENGTH_MAX) {
            return Optional.empty();
        }
        String typed = text.strip();
        if (typed.contains(",") && typed.contains(".")) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(typed.replace(',', '.'));
            int fractionDigits = Math.max(Currency.getInstance(currencyCode).getDefaultFractionDigits(), 0);
            long minor = amount.movePointRight(fractionDigits).longValueExact();
            return minor > 0 ? Optional.of(minor) : Optional.empty();
        } catch (NumberFormatException | ArithmeticException notAnAmount) {
            return Optional.empty();
        }
    }
}
