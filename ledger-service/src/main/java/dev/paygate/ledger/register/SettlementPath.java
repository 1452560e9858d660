package dev.paygate.ledger.register;

import java.util.Arrays;
import java.util.Locale;

/** How a ticket was settled (docs/architecture.md step 6); the code is what vouchers and decisions carry. */
public enum SettlementPath {
    /** Debited from the customer's wallet, credited to the merchant's till. */
    WALLET,
    /** Authorized by a card network; card clearing credits the merchant's till. */
    CARD,
    /** A zero-amount ticket: the customer was authenticated, no money moved. */
    AUTH_ONLY;

    /** The name in lower case with hyphens: {@code wallet}, {@code card}, {@code auth-only}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static SettlementPath fromCode(String code) {
        return Arrays.stream(values())
                .filter(path -> path.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no settlement path " + code));
    }
}
