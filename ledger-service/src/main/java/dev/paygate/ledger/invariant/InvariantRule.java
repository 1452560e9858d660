package dev.paygate.ledger.invariant;

/** The rules the ledger must satisfy at every commit. */
public enum InvariantRule {
    /** Money is neither created nor lost: per currency, all balances add up to zero. */
    BALANCES_SUM_TO_ZERO("all balances in a currency add up to zero"),
    /** Each stored balance equals what its transfers say (credits minus debits). */
    BALANCE_MATCHES_JOURNAL("an account's balance equals its credits minus its debits"),
    /** A wallet holds between zero and its cap. */
    WALLET_WITHIN_BOUNDS("a wallet holds between zero and its cap"),
    /**
     * A register entry's transfers move what the entry says: the amount less refunds for an
     * approved payment, nothing for a refused, pending, reversed or auth-only one.
     */
    REGISTER_ENTRY_BALANCES("a register entry's transfers move what the entry says");

    private final String description;

    InvariantRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
