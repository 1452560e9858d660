package dev.paygate.gateway.security;

import dev.paygate.iso8583.field.Pan;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers in text that came from outside: runs of 13 to 19 digits that pass the Luhn check
 * (ISO/IEC 7812). Shorter runs are amounts or references and stay as they are.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");

    private CardNumbers() {
    }

    public static boolean containsCardNumber(CharSequence text) {
        if (text == null) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (passesLuhn(run.group())) {
                return true;
            }
        }
        return false;
    }

    /** The text with every card number shown as its first 6 and last 4 digits, the rest as {@code *}. */
    public static String mask(String text) {
        if (text == null || !containsCardNumber(text)) {
            return text;
        }
        return DIGIT_RUN.matcher(text).replaceAll(run -> passesLuhn(run.group())
                ? Matcher.quoteReplacement(Pan.mask(run.group()))
                : run.group());
    }

    /** Every run the pattern finds is 13 to 19 digits, so a {@link Pan}, checked and masked as one. */
    private static boolean passesLuhn(String digits) {
        return Pan.of(digits).isLuhnValid();
    }
}
