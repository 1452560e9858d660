package dev.paygate.merchant.voucher;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;

/** Claim {@code path}: how the payment server settled the ticket (docs/architecture.md step 6). */
public enum SettlementPath {
    /** Small amount: debited from the customer's wallet on the internal ledger. */
    WALLET,
    /** Larger amount: authorized by the card network; the voucher carries authCode and rrn. */
    CARD,
    /** Zero amount: the customer was authenticated, nothing was charged. */
    AUTH_ONLY;

    /** {@code wallet}, {@code card} or {@code auth-only}. */
    public String code() {
        return ClaimRules.code(this);
    }

    public static SettlementPath fromCode(String code) {
        return ClaimRules.requireCode(ClaimNames.SETTLEMENT_PATH, SettlementPath.class, code);
    }
}
