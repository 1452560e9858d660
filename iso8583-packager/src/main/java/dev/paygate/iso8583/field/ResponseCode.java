package dev.paygate.iso8583.field;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Response code (DE 39). Declines are expected outcomes, not exceptions. Codes we do not know map
 * to {@link #UNRECOGNISED}; callers keep the raw code next to it. What each means to a payment is
 * decided by the back unit's refusal reasons, not here.
 */
public enum ResponseCode {

    APPROVED("00"),
    DO_NOT_HONOUR("05"),
    INVALID_CARD_NUMBER("14"),
    FORMAT_ERROR("30"),
    INSUFFICIENT_FUNDS("51"),
    EXPIRED_CARD("54"),
    INCORRECT_PIN("55"),
    NOT_PERMITTED_TO_CARDHOLDER("57"),
    EXCEEDS_AMOUNT_LIMIT("61"),
    RESTRICTED_CARD("62"),
    /** ISO 8583:1987's answer to a request whose MAC (DE 64/128) is missing or does not verify. */
    SECURITY_VIOLATION("63"),
    EXCEEDS_FREQUENCY_LIMIT("65"),
    ISSUER_UNAVAILABLE("91"),
    SYSTEM_MALFUNCTION("96"),
    /** Any code not listed above; {@link #code()} is null. */
    UNRECOGNISED(null);

    private static final Map<String, ResponseCode> BY_CODE = Arrays.stream(values())
            .filter(responseCode -> responseCode.code != null)
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;

    ResponseCode(String code) {
        this.code = code;
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
}
