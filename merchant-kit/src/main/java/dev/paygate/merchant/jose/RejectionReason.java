package dev.paygate.merchant.jose;

import java.util.Locale;

/** Why a merchant refused a voucher or refusal token. The codes are stable: merchants may store and switch on them. */
public enum RejectionReason {
    /** Not a token of the expected type, or its claims break the format. */
    MALFORMED,
    /** The kid is not in the payment server's JWKS, even after a refetch. */
    UNKNOWN_KEY,
    /** The kid is not held and the JWKS could not be fetched: a transient fault, the customer may retry. */
    KEYS_UNAVAILABLE,
    BAD_SIGNATURE,
    EXPIRED,
    /** Code {@code mismatch:<claim>}: the token does not belong to the merchant's own ticket. */
    MISMATCH,
    /** This voucher id was accepted before. */
    REPLAYED;

    /** The constant's name in lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
