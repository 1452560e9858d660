package dev.paygate.faults;

/**
 * What one scheduled payment exercises: the wallet, or a card whose bank simulator behaviour is a fault
 * (bank-simulator/README.md, test cards). Each card kind has its own customer, enrolled with that card.
 */
enum PaymentKind {
    WALLET("f-wallet", null, 100, 900),
    CARD_APPROVES("f-card-ok", "4000000000000002", 3_100, 9_000),
    CARD_NEVER_ANSWERS("f-card-silent", "4000000000000085", 3_100, 9_000),
    /** Never answers, and the simulator drops the answer to the first reversal: the SAF must send it again. */
    CARD_DROPS_FIRST_REVERSAL_ANSWER("f-card-drops-reversal", "4000000000000150", 3_100, 9_000),
    CARD_CLOSES_CONNECTION("f-card-closes", "4000000000000093", 3_100, 9_000),
    CARD_ANSWERS_GARBAGE("f-card-garbage", "4000000000000101", 3_100, 9_000),
    CARD_ISSUER_UNAVAILABLE("f-card-unavailable", "4000000000000119", 3_100, 9_000),
    /** Answers after the simulator's slow delay, later than the run's card timeout: a late approval. */
    CARD_ANSWERS_LATE("f-card-slow", "4000000000000077", 3_100, 9_000),
    /** One wallet ticket confirmed by ten POSTs at once. */
    PARALLEL_CONFIRMS("f-wallet", null, 100, 900);

    private final String customerId;
    private final String cardPan;
    private final long amountMinMinor;
    private final long amountMaxMinor;

    PaymentKind(String customerId, String cardPan, long amountMinMinor, long amountMaxMinor) {
        this.customerId = customerId;
        this.cardPan = cardPan;
        this.amountMinMinor = amountMinMinor;
        this.amountMaxMinor = amountMaxMinor;
    }

    String customerId() {
        return customerId;
    }

    /** The test card of this kind's customer, or null for wallet payments. */
    String cardPan() {
        return cardPan;
    }

    long amountMinMinor() {
        return amountMinMinor;
    }

    long amountMaxMinor() {
        return amountMaxMinor;
    }

    String password() {
        return passwordOf(customerId);
    }

    /** The run seeds every customer with a password derived from the id; they exist only in the run's data. */
    static String passwordOf(String customerId) {
        return customerId + "-faults-pass";
    }

    /** Whether the card network never approves it in time, so an approval would be money taken after a timeout. */
    boolean mustNotBeApproved() {
        return this == CARD_NEVER_ANSWERS || this == CARD_DROPS_FIRST_REVERSAL_ANSWER || this == CARD_CLOSES_CONNECTION || this == CARD_ANSWERS_GARBAGE
                || this == CARD_ISSUER_UNAVAILABLE || this == CARD_ANSWERS_LATE;
    }
}
