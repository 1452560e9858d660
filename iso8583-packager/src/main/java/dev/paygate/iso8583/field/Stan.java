package dev.paygate.iso8583.field;

/**
 * System trace audit number (DE 11): 1 to 999999, six digits on the wire. It must be unique per
 * network and UTC day, so it is allocated by a {@link StanSource}, never by a JVM counter.
 */
public record Stan(int value) {

    public static final int MIN = 1;
    public static final int MAX = 999_999;

    public Stan {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("STAN must be in " + MIN + ".." + MAX + ", got " + value);
        }
    }

    public static Stan of(int value) {
        return new Stan(value);
    }

    /** Parses the six-digit wire form. */
    public static Stan parse(String sixDigits) {
        if (sixDigits == null || sixDigits.length() != 6 || !Digits.areAll(sixDigits)) {
            throw new IllegalArgumentException("STAN must be 6 digits");
        }
        return new Stan(Integer.parseInt(sixDigits));
    }

    /** The six-digit wire form, zero-padded. */
    public String digits() {
        return "%06d".formatted(value);
    }

    @Override
    public String toString() {
        return digits();
    }
}
