package dev.paygate.faults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The seeded fault schedule: per round of the embedded gateway, the payments to start and how long after their
 * start the gateway is killed; per round of the local cluster, which part is killed, when, and the payments of
 * the fault suite's own customers beside the cluster driver's load. One seed gives one schedule, so a failing run
 * is repeated with {@code --seed N}.
 */
record Schedule(long seed, List<Round> rounds, List<ClusterRound> clusterRounds) {

    static final int PAYMENTS_PER_ROUND_MIN = 3;
    static final int PAYMENTS_PER_ROUND_MAX = 7;
    static final long KILL_DELAY_MIN_MS = 100;
    static final long KILL_DELAY_MAX_MS = 3_000;
    static final int CLUSTER_PAYMENTS_PER_ROUND_MIN = 2;
    static final int CLUSTER_PAYMENTS_PER_ROUND_MAX = 4;
    static final long CLUSTER_KILL_DELAY_MIN_MS = 500;
    static final long CLUSTER_KILL_DELAY_MAX_MS = 4_000;

    // Wallet and approving card payments carry the money; every fault card comes up a few times a run.
    private static final PaymentKind[] WEIGHTED_KINDS = {
            PaymentKind.WALLET, PaymentKind.WALLET, PaymentKind.WALLET,
            PaymentKind.CARD_APPROVES, PaymentKind.CARD_APPROVES,
            PaymentKind.CARD_NEVER_ANSWERS, PaymentKind.CARD_DROPS_FIRST_REVERSAL_ANSWER,
            PaymentKind.CARD_CLOSES_CONNECTION, PaymentKind.CARD_ANSWERS_GARBAGE,
            PaymentKind.CARD_ISSUER_UNAVAILABLE, PaymentKind.CARD_ANSWERS_LATE, PaymentKind.PARALLEL_CONFIRMS};

    /** What a cluster round kills: a back unit, a front unit, the live broker of the pair, the database server. */
    enum ClusterPart {
        BACK, FRONT, BROKER, DATABASE;

        /** The part's name for deploy/local-cluster/cluster: which of the two units, for a back or a front. */
        String target(int unit) {
            return switch (this) {
                case BACK -> "back" + unit;
                case FRONT -> "front" + unit;
                case BROKER -> "broker";
                case DATABASE -> "database";
            };
        }
    }

    /** One round: payments in flight, then {@code kill -9} after {@code killDelayMs}, restart, check. */
    record Round(int number, List<Payment> payments, long killDelayMs) {
    }

    /** One cluster round: the cluster driver's load and these payments, {@code target} killed after the delay. */
    record ClusterRound(int number, String target, List<Payment> payments, long killDelayMs) {
    }

    record Payment(PaymentKind kind, long amountMinor) {
    }

    static Schedule of(long seed, int roundCount, int clusterRoundCount) {
        if (roundCount < 1 || clusterRoundCount < 0) {
            throw new IllegalArgumentException("needs at least 1 round and no negative cluster rounds, was "
                    + roundCount + " and " + clusterRoundCount);
        }
        Random random = new Random(seed);
        List<Round> rounds = new ArrayList<>(roundCount);
        for (int number = 1; number <= roundCount; number++) {
            List<Payment> payments = payments(random, PAYMENTS_PER_ROUND_MIN, PAYMENTS_PER_ROUND_MAX);
            rounds.add(new Round(number, payments, between(random, KILL_DELAY_MIN_MS, KILL_DELAY_MAX_MS)));
        }
        // Every part comes up once in each run of four rounds, in a seeded order, so four rounds kill each kind.
        List<ClusterRound> clusterRounds = new ArrayList<>(clusterRoundCount);
        List<ClusterPart> parts = new ArrayList<>();
        for (int number = 1; number <= clusterRoundCount; number++) {
            if (parts.isEmpty()) {
                parts.addAll(List.of(ClusterPart.values()));
                Collections.shuffle(parts, random);
            }
            String target = parts.removeFirst().target(1 + random.nextInt(2));
            List<Payment> payments = payments(random, CLUSTER_PAYMENTS_PER_ROUND_MIN, CLUSTER_PAYMENTS_PER_ROUND_MAX);
            clusterRounds.add(new ClusterRound(number, target, payments,
                    between(random, CLUSTER_KILL_DELAY_MIN_MS, CLUSTER_KILL_DELAY_MAX_MS)));
        }
        return new Schedule(seed, List.copyOf(rounds), List.copyOf(clusterRounds));
    }

    private static List<Payment> payments(Random random, int countMin, int countMax) {
        int count = countMin + random.nextInt(countMax - countMin + 1);
        List<Payment> payments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PaymentKind kind = WEIGHTED_KINDS[random.nextInt(WEIGHTED_KINDS.length)];
            payments.add(new Payment(kind, between(random, kind.amountMinMinor(), kind.amountMaxMinor())));
        }
        return List.copyOf(payments);
    }

    private static long between(Random random, long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    int paymentCount() {
        return rounds.stream().mapToInt(round -> round.payments().size()).sum();
    }
}
