package dev.paygate.merchant.jose;

import java.util.Locale;

import com.nimbusds.jose.JOSEObjectType;

/** The three token kinds, told apart by the JWS "typ" header so one can never pass for another. */
public enum TokenType {
    TICKET("paygate-ticket+jwt"),
    VOUCHER("paygate-voucher+jwt"),
    REFUSAL("paygate-refusal+jwt");

    private final String mediaType;

    TokenType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    JOSEObjectType joseType() {
        return new JOSEObjectType(mediaType);
    }

    /** RFC 7515 4.1.9: compared case-insensitively, and the "application/" prefix may be present. */
    boolean matches(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String value = type.getType().toLowerCase(Locale.ROOT);
        return value.equals(mediaType) || value.equals("application/" + mediaType);
    }
}
