package dev.paygate.iso8583.field;

import java.util.Set;

/**
 * Message type indicator (DE 0) of ISO 8583:1987: version 0, then class, function and origin.
 * Only the types this gateway exchanges are accepted; anything else is rejected with a clear
 * message instead of being processed half-understood.
 */
public record Mti(String value) {

    public static final Mti AUTHORIZATION_REQUEST = new Mti("0100");
    public static final Mti AUTHORIZATION_RESPONSE = new Mti("0110");
    public static final Mti FINANCIAL_REQUEST = new Mti("0200");
    public static final Mti FINANCIAL_RESPONSE = new Mti("0210");
    public static final Mti REVERSAL_REQUEST = new Mti("0400");
    /** A 0400 sent again because its answer may have been lost; answered 0410 like the first. */
    public static final Mti REVERSAL_REQUEST_REPEAT = new Mti("0401");
    public static final Mti REVERSAL_RESPONSE = new Mti("0410");
    public static final Mti REVERSAL_ADVICE = new Mti("0420");
    /** A 0420 sent again, same STAN and data, until acknowledged; answered 0430 like the first. */
    public static final Mti REVERSAL_ADVICE_REPEAT = new Mti("0421");
    public static final Mti REVERSAL_ADVICE_RESPONSE = new Mti("0430");
    public static final Mti NETWORK_MANAGEMENT_REQUEST = new Mti("0800");
    public static final Mti NETWORK_MANAGEMENT_RESPONSE = new Mti("0810");

    private static final Set<String> SUPPORTED = Set.of(
            "0100", "0110", "0200", "0210", "0400", "0401", "0410", "0420", "0421", "0430", "0800", "0810");
    private static final int ORIGIN = 3;

    public Mti {
        if (value == null || value.length() != 4 || !Digits.areAll(value)) {
            throw new IllegalArgumentException("MTI must be 4 digits, got '" + value + "'");
        }
        if (value.charAt(0) != '0') {
            throw new IllegalArgumentException("MTI " + value + " is not ISO 8583:1987 (version digit must be 0)");
        }
    }

    public static Mti parse(String value) {
        return new Mti(value);
    }

    /** True for the request and response types listed as constants of this class. */
    public boolean isSupported() {
        return SUPPORTED.contains(value);
    }

    /** Requests and advices have an even function digit; their responses add one. */
    public boolean isRequest() {
        return (value.charAt(2) - '0') % 2 == 0;
    }

    /**
     * The fourth digit (origin) of ISO 8583:1987 is odd for a repeat: 1 acquirer repeat, 3 issuer repeat. A
     * repeat carries the same STAN and data elements as the message it repeats.
     */
    public boolean isRepeat() {
        return (value.charAt(ORIGIN) - '0') % 2 == 1;
    }

    /** The same type sent again, e.g. 0420 to 0421; a repeat stays as it is. */
    public Mti repeat() {
        return isRepeat() ? this : new Mti(value.substring(0, ORIGIN) + (char) (value.charAt(ORIGIN) + 1));
    }

    /** The type a repeat repeats, e.g. 0421 to 0420; any other type stays as it is. */
    public Mti withoutRepeat() {
        return isRepeat() ? new Mti(value.substring(0, ORIGIN) + (char) (value.charAt(ORIGIN) - 1)) : this;
    }

    /** The response type answering this request, e.g. 0100 to 0110, 0420 and its repeat 0421 to 0430. */
    public Mti responseMti() {
        if (!isRequest()) {
            throw new IllegalStateException("MTI " + value + " is already a response");
        }
        Mti original = withoutRepeat();
        return new Mti(original.value.substring(0, 2) + (char) (original.value.charAt(2) + 1) + original.value.charAt(ORIGIN));
    }

    @Override
    public String toString() {
        return value;
    }
}
