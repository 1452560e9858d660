package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.payment.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T20:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new AuthenticationProperties.Throttle(3, 1_000, 8_000, 2),
            clock);

    @Test
    void aSourceWaitsLongerAfterEachFailureBeyondTheFreeOnesUpToTheMaximum() {
        for (int failure = 1; failure <= 3; failure++) {
            assertThat(throttle.recordFailure("198.51.100.7")).isFalse();
            assertThat(throttle.waitFor("198.51.100.7")).isEmpty();
        }
        assertThat(throttle.recordFailure("198.51.100.7")).as("the failure that starts the delays").isTrue();

        for (long expectedMs : new long[] {1_000, 2_000, 4_000, 8_000, 8_000}) {
            assertThat(throttle.waitFor("198.51.100.7")).contains(Duration.ofMillis(expectedMs));
            clock.advance(Duration.ofMillis(expectedMs));
            assertThat(throttle.waitFor("198.51.100.7")).isEmpty();
            assertThat(throttle.recordFailure("198.51.100.7")).isFalse();
        }
    }

    @Test
    void otherSourcesAreNotDelayedAndASuccessForgetsTheFailures() {
        for (int failure = 0; failure < 4; failure++) {
            throttle.recordFailure("198.51.100.7");
        }

        assertThat(throttle.waitFor("203.0.113.9")).isEmpty();
        throttle.recordSuccess("198.51.100.7");
        assertThat(throttle.waitFor("198.51.100.7")).isEmpty();
    }

    @Test
    void remembersAtMostTheConfiguredNumberOfSources() {
        for (String source : new String[] {"a", "b", "c"}) {
            for (int failure = 0; failure < 4; failure++) {
                throttle.recordFailure(source);
            }
        }

        assertThat(throttle.waitFor("a")).as("the longest idle source is forgotten").isEmpty();
        assertThat(throttle.waitFor("c")).isPresent();
    }
}
