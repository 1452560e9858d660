package dev.paygate.shop.money;

/**
 * The VAT contained in a price that includes it: {@code gross * rate / (1 + rate)}. Computed once on
 * the total (not per line, so rounding happens once), in integer minor units, rounded half up:
 * 49.90 at 20 % holds 8.316... and gives 8.32; 0.03 at 20 % holds 0.005 and gives 0.01.
 */
public final class IncludedVat {

    /** A rate in basis points: 10,000 is 100 %. */
    public static final int BASIS_POINTS_PER_WHOLE = 10_000;

    private IncludedVat() {
    }

    /**
     * @param grossMinor the price including VAT, minor units, not negative
     * @param rateBasisPoints the VAT rate, 2000 for 20 %
     * @throws ArithmeticException past about 9 * 10^14 minor units, where the product overflows 64 bits
     */
    public static long ofGrossMinor(long grossMinor, int rateBasisPoints) {
        if (grossMinor < 0) {
            throw new IllegalArgumentException("grossMinor must not be negative: " + grossMinor);
        }
        if (rateBasisPoints < 0 || rateBasisPoints > BASIS_POINTS_PER_WHOLE) {
            throw new IllegalArgumentException("rateBasisPoints " + rateBasisPoints + " is outside 0.."
                    + BASIS_POINTS_PER_WHOLE);
        }
        long numerator = Math.multiplyExact(grossMinor, rateBasisPoints);
        long denominator = BASIS_POINTS_PER_WHOLE + rateBasisPoints;
        long quotient = numerator / denominator;
        long remainder = numerator % denominator;
        // Half up: round away from zero when the remainder is at least half the denominator.
        return 2 * remainder >= denominator ? quotient + 1 : quotient;
    }
}
