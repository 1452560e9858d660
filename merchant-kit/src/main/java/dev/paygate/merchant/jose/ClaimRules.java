package dev.paygate.merchant.jose;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Value rules shared by every format. Record constructors call these and so reject an invalid
 * token whether it is built in code or parsed from the wire; each message starts with the claim name.
 */
public final class ClaimRules {

    /** RFC 3986 unreserved characters only, so ids travel in URLs and headers unescaped. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** Largest integer a JSON number keeps exactly in every language (2^53 - 1, JavaScript's safe maximum). */
    public static final long JSON_INTEGER_MAX = 9_007_199_254_740_991L;
    public static final long AMOUNT_MINOR_MAX = JSON_INTEGER_MAX;
    public static final int URL_LENGTH_MAX = 2_048;

    private ClaimRules() {
    }

    public static String requireId(String claim, String value) {
        requirePresent(claim, value);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(claim + ": must be 1 to 64 characters of A-Z a-z 0-9 . _ ~ -");
        }
        return value;
    }

    public static long requireAmountMinor(String claim, long value) {
        if (value < 0 || value > AMOUNT_MINOR_MAX) {
            throw new IllegalArgumentException(claim + ": " + value + " is outside 0.." + AMOUNT_MINOR_MAX);
        }
        return value;
    }

    /** ISO 4217 alphabetic code, upper case, known to the JDK's currency table. */
    public static String requireCurrency(String claim, String value) {
        requirePresent(claim, value);
        if (!CURRENCY_CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(claim + ": '" + value + "' is not an upper-case ISO 4217 code");
        }
        try {
            Currency.getInstance(value);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(claim + ": '" + value + "' is not an ISO 4217 currency", unknown);
        }
        return value;
    }

    public static String requireText(String claim, String value, int lengthMax) {
        requirePresent(claim, value);
        if (value.isBlank() || value.length() > lengthMax) {
            throw new IllegalArgumentException(claim + ": must be non-blank and at most " + lengthMax + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(claim + ": must not contain control characters");
            }
        }
        return value;
    }

    /** An absolute http(s) URL without credentials, where the browser is sent back. */
    public static URI requireWebUrl(String claim, URI value) {
        requirePresent(claim, value);
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
        if (!value.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || value.getHost() == null) {
            throw new IllegalArgumentException(claim + ": must be an absolute http or https URL");
        }
        if (value.getRawUserInfo() != null) {
            throw new IllegalArgumentException(claim + ": must not carry user credentials");
        }
        if (value.toString().length() > URL_LENGTH_MAX) {
            throw new IllegalArgumentException(claim + ": longer than " + URL_LENGTH_MAX + " characters");
        }
        return value;
    }

    /** JWT times are whole seconds (RFC 7519 NumericDate), so sub-second parts are dropped here once. */
    public static Instant toWholeSeconds(String claim, Instant value) {
        requirePresent(claim, value);
        return value.truncatedTo(ChronoUnit.SECONDS);
    }

    public static void requireExpiresAfterIssued(Instant issuedAt, Instant expiresAt) {
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException(ClaimNames.EXPIRES_AT + ": " + expiresAt
                    + " is not after " + ClaimNames.ISSUED_AT + " " + issuedAt);
        }
    }

    public static <T> T requirePresent(String claim, T value) {
        if (value == null) {
            throw new IllegalArgumentException(claim + ": is required");
        }
        return value;
    }
}
