package dev.paygate.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The seeded fault schedule: per round, the payments to start and how long after their start the gateway is
 * killed. One seed gives one schedule, so a failing run is repeated with {@code --seed N}.
 */
record Schedule(long seed, List<Round> rounds) {

    static final int PAYMENTS_PER_ROUND_MIN = 3;
    static final int PAYMENTS_PER_ROUND_MAX = 7;
    static final long KILL_DELAY_MIN_MS = 100;
    static final long KILL_DELAY_MAX_MS = 3_000;

    // Wallet and approving card payments carry the money; every fault card comes up a few times a run.
    private static final PaymentKind[] WEIGHTED_KINDS = {
            PaymentKind.WALLET, PaymentKind.WALLET, PaymentKind.WALLET,
            PaymentKind.CARD_APPROVES, PaymentKind.CARD_APPROVES,
            PaymentKind.CARD_NEVER_ANSWERS, PaymentKind.CARD_DROPS_FIRST_REVERSAL_ANSWER,
            PaymentKind.CARD_CLOSES_CONNECTION, PaymentKind.CARD_ANSWERS_GARBAGE,
            PaymentKind.CARD_ISSUER_UNAVAILABLE, PaymentKind.CARD_ANSWERS_LATE, PaymentKind.PARALLEL_CONFIRMS};

    /** One round: payments in flight, then {@code kill -9} after {@code killDelayMs}, restart, check. */
    record Round(int number, List<Payment> payments, long killDelayMs) {
    }

    record Payment(PaymentKind kind, long amountMinor) {
    }

    static Schedule of(long seed, int roundCount) {
        if (roundCount < 1) {
            throw new IllegalArgumentException("roundCount must be at least 1, was " + roundCount);
        }
        Random random = new Random(seed);
        List<Round> rounds = new ArrayList<>(roundCount);
        for (int number = 1; number <= roundCount; number++) {
            int paymentCount = PAYMENTS_PER_ROUND_MIN
                    + random.nextInt(PAYMENTS_PER_ROUND_MAX - PAYMENTS_PER_ROUND_MIN + 1);
            List<Payment> payments = new ArrayList<>(paymentCount);
            for (int i = 0; i < paymentCount; i++) {
                PaymentKind kind = WEIGHTED_KINDS[random.nextInt(WEIGHTED_KINDS.length)];
                long amountMinor = kind.amountMinMinor()
                        + random.nextLong(kind.amountMaxMinor() - kind.amountMinMinor() + 1);
                payments.add(new Payment(kind, amountMinor));
            }
            long killDelayMs = KILL_DELAY_MIN_MS + random.nextLong(KILL_DELAY_MAX_MS - KILL_DELAY_MIN_MS + 1);
            rounds.add(new Round(number, List.copyOf(payments), killDelayMs));
        }
        return new Schedule(seed, List.copyOf(rounds));
    }

    int paymentCount() {
        return rounds.stream().mapToInt(round -> round.payments().size()).sum();
    }
}
