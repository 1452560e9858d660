package dev.paygate.ledger.register;

import java.util.Arrays;

/** How a ticket was settled (docs/architecture.md step 6); the code is what vouchers and decisions carry. */
public enum SettlementPath {
    /** Debited from the customer's wallet, credited to the merchant's till. */
    WALLET("wallet"),
    /** Authorized by a card network; card clearing credits the merchant's till. */
    CARD("card"),
    /** A zero-amount ticket: the customer was authenticated, no money moved. */
    AUTH_ONLY("auth-only");

    private final String code;

    SettlementPath(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SettlementPath fromCode(String code) {
        return Arrays.stream(values())
                .filter(path -> path.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no settlement path " + code));
    }
}
