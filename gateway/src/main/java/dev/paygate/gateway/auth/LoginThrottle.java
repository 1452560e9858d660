package dev.paygate.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Growing delays per source of failed logins: after {@code freeFailures} failures from one address, each
 * further failure makes that address wait {@code delay}, doubled each time up to {@code delayMax}, before its
 * next attempt is even looked at. A success from the address forgets its failures. It slows guessing from one
 * place long before any account lock, and costs an attacker time rather than the customer their account.
 * At most {@code sourcesMax} addresses are remembered, the longest idle forgotten first.
 */
public final class LoginThrottle {

    private final AuthenticationProperties.Throttle settings;
    private final Clock clock;
    private final Map<String, Failures> bySource;

    public LoginThrottle(AuthenticationProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.bySource = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > settings.sourcesMax();
            }
        };
    }

    /** How long the source must still wait before an attempt counts; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String source) {
        Failures failures = bySource.get(source);
        Instant now = clock.instant();
        if (failures == null || !failures.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failures.blockedUntil()));
    }

    /** Counts a failure; true when it is the one that starts the delays for this source (worth an alert). */
    public synchronized boolean recordFailure(String source) {
        Failures before = bySource.getOrDefault(source, new Failures(0, Instant.MIN));
        int count = before.count() + 1;
        Instant now = clock.instant();
        Instant blockedUntil = count > settings.freeFailures() ? now.plus(delayAfter(count)) : Instant.MIN;
        bySource.put(source, new Failures(count, blockedUntil));
        return count == settings.freeFailures() + 1;
    }

    public synchronized void recordSuccess(String source) {
        bySource.remove(source);
    }

    private Duration delayAfter(int failures) {
        int doublings = Math.min(failures - settings.freeFailures() - 1, 30);
        long delayMs = Math.min(settings.delayMaxMs(), settings.delayMs() << doublings);
        return Duration.ofMillis(delayMs);
    }

    private record Failures(int count, Instant blockedUntil) {
    }
}
