package dev.paygate.iso8583.field;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Response code (DE 39) and the stable refusal reason our payment flow reports. Declines are
 * expected outcomes, not exceptions. Codes we do not know map to {@link #UNRECOGNISED}, which
 * refuses as {@code card_declined}; callers keep the raw code next to it.
 */
public enum ResponseCode {

    APPROVED("00", "approved"),
    DO_NOT_HONOUR("05", "card_declined"),
    INVALID_CARD_NUMBER("14", "invalid_card"),
    FORMAT_ERROR("30", "format_error"),
    INSUFFICIENT_FUNDS("51", "insufficient_funds"),
    EXPIRED_CARD("54", "card_expired"),
    INCORRECT_PIN("55", "incorrect_pin"),
    NOT_PERMITTED_TO_CARDHOLDER("57", "not_permitted"),
    EXCEEDS_AMOUNT_LIMIT("61", "over_limit"),
    RESTRICTED_CARD("62", "card_restricted"),
    EXCEEDS_FREQUENCY_LIMIT("65", "over_limit"),
    ISSUER_UNAVAILABLE("91", "issuer_unavailable"),
    SYSTEM_MALFUNCTION("96", "system_error"),
    /** Any code not listed above; {@link #code()} is null. */
    UNRECOGNISED(null, "card_declined");

    private static final Map<String, ResponseCode> BY_CODE = Arrays.stream(values())
            .filter(responseCode -> responseCode.code != null)
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;
    private final String reason;

    ResponseCode(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    /** Maps a raw DE 39 value; unknown, blank or null values give {@link #UNRECOGNISED}. */
    public static ResponseCode fromCode(String rawCode) {
        return rawCode == null ? UNRECOGNISED : BY_CODE.getOrDefault(rawCode, UNRECOGNISED);
    }

    /** The two-character DE 39 value; null for {@link #UNRECOGNISED}. */
    public String code() {
        return code;
    }

    public boolean isApproval() {
        return this == APPROVED;
    }

    /** Stable reason: {@code approved} or a refusal reason such as {@code insufficient_funds}. */
    public String reason() {
        return reason;
    }
}
