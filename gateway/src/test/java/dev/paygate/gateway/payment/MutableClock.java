package dev.paygate.gateway.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A UTC clock that tests move forward by hand, so expiry and lock durations need no sleeping. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** This clock as the front unit's components take it, for tests that build them without Spring. */
    public ObjectProvider<Clock> asProvider() {
        return new StaticListableBeanFactory(Map.of("clock", this)).getBeanProvider(Clock.class);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the front unit works in UTC");
    }
}
