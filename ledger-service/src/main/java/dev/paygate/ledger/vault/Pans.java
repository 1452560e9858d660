package dev.paygate.ledger.vault;

/** Checks and masking for primary account numbers; nothing here logs or keeps a PAN. */
final class Pans {

    private static final int LENGTH_MIN = 12;
    private static final int LENGTH_MAX = 19;
    private static final int SHOWN_FIRST = 6;
    private static final int SHOWN_LAST = 4;

    private Pans() {
    }

    /** A PAN is 12..19 digits (ISO/IEC 7812) whose last digit is the Luhn check digit. */
    static void require(char[] pan) {
        if (pan.length < LENGTH_MIN || pan.length > LENGTH_MAX) {
            throw new IllegalArgumentException("a PAN has " + LENGTH_MIN + ".." + LENGTH_MAX + " digits, got "
                    + pan.length);
        }
        int sum = 0;
        for (int index = 0; index < pan.length; index++) {
            char character = pan[pan.length - 1 - index];
            if (character < '0' || character > '9') {
                throw new IllegalArgumentException("a PAN has digits only");
            }
            int digit = character - '0';
            if (index % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        if (sum % 10 != 0) {
            throw new IllegalArgumentException("PAN fails its Luhn check digit");
        }
    }

    /** First 6 and last 4 digits, the rest as {@code *}. */
    static String mask(char[] pan) {
        StringBuilder masked = new StringBuilder(pan.length);
        masked.append(pan, 0, SHOWN_FIRST);
        masked.append("*".repeat(pan.length - SHOWN_FIRST - SHOWN_LAST));
        masked.append(pan, pan.length - SHOWN_LAST, SHOWN_LAST);
        return masked.toString();
    }
}
