package dev.paygate.iso8583.field;

import java.util.Objects;
import org.jpos.iso.ISOUtil;

/**
 * Primary account number (DE 2). The digits are reachable only through {@link #digits()};
 * {@link #toString()} and {@link #masked()} show the first 6 and last 4 digits, so a PAN that
 * slips into a log line or an exception message stays masked.
 */
public final class Pan {

    public static final int LENGTH_MIN = 12;
    public static final int LENGTH_MAX = 19;
    private static final int CLEAR_PREFIX_DIGITS = 6;
    private static final int CLEAR_SUFFIX_DIGITS = 4;

    private final String digits;

    private Pan(String digits) {
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException if the value is not 12 to 19 digits; the message never
     *     repeats the value
     */
    public static Pan of(String digits) {
        Objects.requireNonNull(digits, "PAN");
        if (digits.length() < LENGTH_MIN || digits.length() > LENGTH_MAX) {
            throw new IllegalArgumentException(
                    "PAN must have " + LENGTH_MIN + " to " + LENGTH_MAX + " digits, got " + digits.length());
        }
        if (!Digits.areAll(digits)) {
            throw new IllegalArgumentException("PAN must be digits only");
        }
        return new Pan(digits);
    }

    /** The clear digits, for packing into a message and nothing else. */
    public String digits() {
        return digits;
    }

    /** The issuer identification number: the first 6 digits, used for BIN routing. */
    public String bin() {
        return digits.substring(0, CLEAR_PREFIX_DIGITS);
    }

    public String masked() {
        return mask(digits);
    }

    /** Masks any digit string the way a PAN is masked; short values are masked completely. */
    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < CLEAR_PREFIX_DIGITS + CLEAR_SUFFIX_DIGITS + 2) {
            return "*".repeat(value.length());
        }
        int hiddenDigits = value.length() - CLEAR_PREFIX_DIGITS - CLEAR_SUFFIX_DIGITS;
        return value.substring(0, CLEAR_PREFIX_DIGITS)
                + "*".repeat(hiddenDigits)
                + value.substring(value.length() - CLEAR_SUFFIX_DIGITS);
    }

    /** True when the last digit is the Luhn (ISO/IEC 7812-1) check digit of the others. */
    public boolean isLuhnValid() {
        int last = digits.length() - 1;
        return ISOUtil.calcLUHN(digits.substring(0, last)) == digits.charAt(last);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pan pan && pan.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
