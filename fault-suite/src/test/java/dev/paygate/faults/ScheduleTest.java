package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void sameSeedGivesTheSameSchedule() {
        assertThat(Schedule.of(42, 30, 8)).isEqualTo(Schedule.of(42, 30, 8));
    }

    @Test
    void anotherSeedGivesAnotherSchedule() {
        assertThat(Schedule.of(42, 30, 8)).isNotEqualTo(Schedule.of(43, 30, 8));
    }

    @Test
    void everyRoundStaysWithinItsLimits() {
        Schedule schedule = Schedule.of(7, 200, 0);

        assertThat(schedule.rounds()).hasSize(200).allSatisfy(round -> {
            assertThat(round.payments()).hasSizeBetween(Schedule.PAYMENTS_PER_ROUND_MIN, Schedule.PAYMENTS_PER_ROUND_MAX);
            assertThat(round.killDelayMs()).isBetween(Schedule.KILL_DELAY_MIN_MS, Schedule.KILL_DELAY_MAX_MS);
            assertThat(round.payments()).allSatisfy(payment -> assertThat(payment.amountMinor())
                    .isBetween(payment.kind().amountMinMinor(), payment.kind().amountMaxMinor()));
        });
    }

    @Test
    void aFullRunInjectsEveryKindOfFault() {
        Schedule schedule = Schedule.of(1, FaultRun.FULL_ROUNDS, 0);

        assertThat(schedule.rounds().stream().flatMap(round -> round.payments().stream()).map(Schedule.Payment::kind))
                .contains(PaymentKind.values());
    }

    @Test
    void everyFourClusterRoundsKillABackAFrontTheLiveBrokerAndTheDatabaseOnce() {
        Schedule schedule = Schedule.of(11, 1, 8);

        for (int first : new int[] {0, 4}) {
            assertThat(schedule.clusterRounds().subList(first, first + 4)).extracting(Schedule.ClusterRound::target)
                    .anyMatch(target -> target.matches("back[12]")).anyMatch(target -> target.matches("front[12]"))
                    .contains("broker", "database");
        }
        assertThat(schedule.clusterRounds()).allSatisfy(round -> {
            assertThat(round.payments()).hasSizeBetween(Schedule.CLUSTER_PAYMENTS_PER_ROUND_MIN,
                    Schedule.CLUSTER_PAYMENTS_PER_ROUND_MAX);
            assertThat(round.killDelayMs()).isBetween(Schedule.CLUSTER_KILL_DELAY_MIN_MS, Schedule.CLUSTER_KILL_DELAY_MAX_MS);
        });
    }

    @Test
    void theEmbeddedRoundsOfASeedDoNotDependOnTheClusterRounds() {
        assertThat(Schedule.of(5, 3, 0).rounds()).isEqualTo(Schedule.of(5, 3, 8).rounds());
    }

    @Test
    void refusesARunWithoutRounds() {
        assertThatThrownBy(() -> Schedule.of(1, 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
