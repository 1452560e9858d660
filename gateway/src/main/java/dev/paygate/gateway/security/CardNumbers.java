package dev.paygate.gateway.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds card numbers in text that came from outside: runs of 13 to 19 digits that pass the Luhn check
 * (ISO/IEC 7812). Shorter runs are amounts or references and stay as they are.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");
    private static final int SHOWN_FIRST = 6;
    private static final int SHOWN_LAST = 4;

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
                ? Matcher.quoteReplacement(masked(run.group()))
                : run.group());
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int index = digits.length() - 1; index >= 0; index--) {
            int digit = digits.charAt(index) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String masked(String cardNumber) {
        return cardNumber.substring(0, SHOWN_FIRST)
                + "*".repeat(cardNumber.length() - SHOWN_FIRST - SHOWN_LAST)
                + cardNumber.substring(cardNumber.length() - SHOWN_LAST);
    }
}
