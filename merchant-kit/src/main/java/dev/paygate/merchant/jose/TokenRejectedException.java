package dev.paygate.merchant.jose;

import java.util.Objects;
import java.util.Optional;

/**
 * A server-signed token (voucher or refusal) the merchant must not act on. {@link #code()} is stable;
 * the message explains the case for logs and never contains key material.
 */
public class TokenRejectedException extends Exception {

    private final RejectionReason reason;
    private final String claim;

    protected TokenRejectedException(RejectionReason reason, String claim, String detail, Throwable cause) {
        super(code(reason, claim) + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.claim = claim;
        if ((reason == RejectionReason.MISMATCH) != (claim != null)) {
            throw new IllegalArgumentException("a claim name goes with MISMATCH and only with it");
        }
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The claim that differs from the ticket, for {@link RejectionReason#MISMATCH}. */
    public Optional<String> mismatchedClaim() {
        return Optional.ofNullable(claim);
    }

    /** {@code bad_signature}, {@code expired}, {@code mismatch:amountMinor}, ... */
    public String code() {
        return code(reason, claim);
    }

    private static String code(RejectionReason reason, String claim) {
        return claim == null ? reason.code() : reason.code() + ":" + claim;
    }
}
