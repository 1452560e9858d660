package dev.paygate.ledger;

import java.util.Objects;

/** Checks for the text the ledger keeps in columns of bounded length. */
public final class Text {

    private Text() {
    }

    /** Returns the value when it is not blank and at most {@code lengthMax} characters long, else throws. */
    public static String requireLength(String value, String name, int lengthMax) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > lengthMax) {
            throw new IllegalArgumentException(name + " must have 1.." + lengthMax + " characters");
        }
        return value;
    }

    /** Returns the value when it is exactly {@code length} characters long, else throws. */
    public static String requireExactLength(String value, String name, int length) {
        Objects.requireNonNull(value, name);
        if (value.length() != length) {
            throw new IllegalArgumentException(name + " must be exactly " + length + " characters: " + value);
        }
        return value;
    }
}
