package dev.paygate.merchant.jose;

/** Why a merchant refused a voucher or refusal token. The codes are stable: merchants may store and switch on them. */
public enum RejectionReason {
    /** Not a token of the expected type, or its claims break the format. */
    MALFORMED("malformed"),
    /** The kid is not in the payment server's JWKS, even after a refetch. */
    UNKNOWN_KEY("unknown_key"),
    /** The kid is not held and the JWKS could not be fetched: a transient fault, the customer may retry. */
    KEYS_UNAVAILABLE("keys_unavailable"),
    BAD_SIGNATURE("bad_signature"),
    EXPIRED("expired"),
    /** Code {@code mismatch:<claim>}: the token does not belong to the merchant's own ticket. */
    MISMATCH("mismatch"),
    /** This voucher id was accepted before. */
    REPLAYED("replayed");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
