package dev.paygate.merchant.voucher;

import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenRejectedException;

/**
 * A voucher the merchant must not deliver against. {@link #code()} is one of {@code malformed},
 * {@code unknown_key}, {@code keys_unavailable}, {@code bad_signature}, {@code expired},
 * {@code mismatch:<claim>}, {@code replayed}.
 */
public final class VoucherRejectedException extends TokenRejectedException {

    public VoucherRejectedException(RejectionReason reason, String claim, String detail, Throwable cause) {
        super(reason, claim, detail, cause);
    }
}
