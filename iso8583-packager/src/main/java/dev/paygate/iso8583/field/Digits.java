package dev.paygate.iso8583.field;

/** Character checks shared by the field types; ISO 8583 "n" means ASCII digits only. */
public final class Digits {

    private Digits() {
    }

    public static boolean areAll(CharSequence value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
