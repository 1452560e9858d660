package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void sameSeedGivesTheSameSchedule() {
        assertThat(Schedule.of(42, 30)).isEqualTo(Schedule.of(42, 30));
    }

    @Test
    void anotherSeedGivesAnotherSchedule() {
        assertThat(Schedule.of(42, 30)).isNotEqualTo(Schedule.of(43, 30));
    }

    @Test
    void everyRoundStaysWithinItsLimits() {
        Schedule schedule = Schedule.of(7, 200);

        assertThat(schedule.rounds()).hasSize(200).allSatisfy(round -> {
            assertThat(round.payments()).hasSizeBetween(Schedule.PAYMENTS_PER_ROUND_MIN, Schedule.PAYMENTS_PER_ROUND_MAX);
            assertThat(round.killDelayMs()).isBetween(Schedule.KILL_DELAY_MIN_MS, Schedule.KILL_DELAY_MAX_MS);
            assertThat(round.payments()).allSatisfy(payment -> assertThat(payment.amountMinor())
                    .isBetween(payment.kind().amountMinMinor(), payment.kind().amountMaxMinor()));
        });
    }

    @Test
    void aFullRunInjectsEveryKindOfFault() {
        Schedule schedule = Schedule.of(1, FaultRun.FULL_ROUNDS);

        assertThat(schedule.rounds().stream().flatMap(round -> round.payments().stream()).map(Schedule.Payment::kind))
                .contains(PaymentKind.values());
    }

    @Test
    void refusesARunWithoutRounds() {
        assertThatThrownBy(() -> Schedule.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
