package dev.paygate.merchant.voucher;

import static dev.paygate.merchant.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.paygate.merchant.Fixtures.MutableClock;

class InMemoryReplayCacheTest {

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void anIdIsAcceptedOnce() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);

        assertThat(cache.firstUse("v-1", NOW.plusSeconds(90))).isTrue();
        assertThat(cache.firstUse("v-1", NOW.plusSeconds(90))).isFalse();
        assertThat(cache.firstUse("v-2", NOW.plusSeconds(90))).isTrue();
    }

    @Test
    void idsAreForgottenAfterTheirVoucherExpired() {
        InMemoryReplayCache cache = new InMemoryReplayCache(10, clock);
        cache.firstUse("v-1", NOW.plusSeconds(90));

        clock.advance(Duration.ofSeconds(91));
        cache.firstUse("v-2", NOW.plusSeconds(200));

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aFullCacheMakesRoomFromExpiredIdsOnly() {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        cache.firstUse("long-lived", NOW.plusSeconds(300));
        cache.firstUse("short-lived", NOW.plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));

        assertThat(cache.firstUse("v-3", NOW.plusSeconds(300))).isTrue();
        assertThat(cache.firstUse("long-lived", NOW.plusSeconds(300))).isFalse();
    }

    @Test
    void aCacheFullOfLiveIdsRefusesRatherThanForgetOne() {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        cache.firstUse("v-1", NOW.plusSeconds(90));
        cache.firstUse("v-2", NOW.plusSeconds(90));

        assertThatThrownBy(() -> cache.firstUse("v-3", NOW.plusSeconds(90)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("replay cache full");
        assertThat(cache.firstUse("v-1", NOW.plusSeconds(90))).isFalse();
    }
}
