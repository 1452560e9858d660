package dev.paygate.merchant.refusal;

import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenRejectedException;

/** A refusal token the merchant must ignore: forged, expired, or about another order. */
public final class RefusalRejectedException extends TokenRejectedException {

    public RefusalRejectedException(RejectionReason reason, String claim, String detail, Throwable cause) {
        super(reason, claim, detail, cause);
    }
}
