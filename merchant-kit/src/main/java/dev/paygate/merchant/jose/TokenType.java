package dev.paygate.merchant.jose;

import java.util.Locale;

import com.nimbusds.jose.JOSEObjectType;

/** The three token kinds, told apart by the JWS "typ" header so one can never pass for another. */
public enum TokenType {
    TICKET,
    VOUCHER,
    REFUSAL;

    /** {@code paygate-ticket+jwt}, {@code paygate-voucher+jwt} or {@code paygate-refusal+jwt}. */
    public String mediaType() {
        return "paygate-" + name().toLowerCase(Locale.ROOT) + "+jwt";
    }

    JOSEObjectType joseType() {
        return new JOSEObjectType(mediaType());
    }

    /** RFC 7515 4.1.9: compared case-insensitively, and the "application/" prefix may be present. */
    boolean matches(JOSEObjectType type) {
        if (type == null) {
            return false;
        }
        String value = type.getType().toLowerCase(Locale.ROOT);
        String mediaType = mediaType();
        return value.equals(mediaType) || value.equals("application/" + mediaType);
    }
}
