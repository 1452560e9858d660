package dev.paygate.merchant.voucher;

/** Claim {@code path}: how the payment server settled the ticket (docs/architecture.md step 6). */
public enum SettlementPath {
    /** Small amount: debited from the customer's wallet on the internal ledger. */
    WALLET("wallet"),
    /** Larger amount: authorized by the card network; the voucher carries authCode and rrn. */
    CARD("card"),
    /** Zero amount: the customer was authenticated, nothing was charged. */
    AUTH_ONLY("auth-only");

    private final String code;

    SettlementPath(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SettlementPath fromCode(String code) {
        for (SettlementPath path : values()) {
            if (path.code.equals(code)) {
                return path;
            }
        }
        throw new IllegalArgumentException("path: '" + code + "' is not wallet, card or auth-only");
    }
}
