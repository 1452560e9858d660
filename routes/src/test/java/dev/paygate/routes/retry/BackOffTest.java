package dev.paygate.routes.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackOffTest {

    private final BackOff backOff = new BackOff(2_000, 300_000);

    @Test
    void doublesThePauseAfterEachFailureUpToTheMaximum() {
        assertThat(backOff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backOff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backOff.delayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backOff.delayAfter(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backOff.delayAfter(1_000)).as("no overflow after many failures").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jitteredPausesStayInTheUpperHalfOfThePauseAndUnderTheMaximum() {
        SplittableRandom random = new SplittableRandom(13);
        Set<Duration> seen = new HashSet<>();
        for (int draw = 0; draw < 1_000; draw++) {
            Duration third = backOff.jitteredDelayAfter(3, random);
            assertThat(third).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(backOff.jitteredDelayAfter(50, random)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
            seen.add(third);
        }
        assertThat(seen).as("the pauses are spread, not one value").hasSizeGreaterThan(100);
    }

    @Test
    void refusesAMaximumBelowTheFirstPause() {
        assertThatThrownBy(() -> new BackOff(2_000, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(0, 1_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
