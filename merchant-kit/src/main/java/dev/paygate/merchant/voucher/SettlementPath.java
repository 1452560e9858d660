package dev.paygate.merchant.voucher;

import dev.paygate.merchant.jose.ClaimCode;
import dev.paygate.merchant.jose.ClaimNames;

/** Claim {@code path}: how the payment server settled the ticket (docs/architecture.md step 6). */
public enum SettlementPath implements ClaimCode {
    /** Small amount: debited from the customer's wallet on the internal ledger. */
    WALLET,
    /** Larger amount: authorized by the card network; the voucher carries authCode and rrn. */
    CARD,
    /** Zero amount: the customer was authenticated, nothing was charged. */
    AUTH_ONLY;

    public static SettlementPath fromCode(String code) {
        return ClaimCode.fromCode(ClaimNames.SETTLEMENT_PATH, SettlementPath.class, code);
    }
}
