package dev.paygate.gateway.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Customer authentication (docs/architecture.md step 4).
 *
 * @param failedAttemptsMax  consecutive wrong passwords that lock the customer and raise an alert
 * @param lockPolicy         what the alert asks for: {@code freeze} (locked until an operator unlocks) or
 *                           {@code watch} (the lock lifts by itself after {@code watchLockSeconds})
 * @param watchLockSeconds   how long a lock lasts under the {@code watch} policy
 * @param argon2             parameters for new hashes; existing hashes keep their own
 * @param throttle           growing delays for a source of failed logins, customers and operators alike
 */
@ConfigurationProperties("paygate.front.auth")
public record AuthenticationProperties(
        @DefaultValue("5") int failedAttemptsMax,
        @DefaultValue("watch") LockPolicy lockPolicy,
        @DefaultValue("900") long watchLockSeconds,
        @DefaultValue Argon2 argon2,
        @DefaultValue Throttle throttle) {

    public AuthenticationProperties {
        if (failedAttemptsMax < 1 || failedAttemptsMax > 100) {
            throw new IllegalArgumentException("paygate.front.auth.failed-attempts-max must be 1..100: " + failedAttemptsMax);
        }
        if (watchLockSeconds < 1) {
            throw new IllegalArgumentException("paygate.front.auth.watch-lock-seconds must be positive: " + watchLockSeconds);
        }
    }

    /**
     * @param freeFailures failures from one source answered without delay
     * @param delayMs      the wait after the first failure beyond those, doubled after each further one...
     * @param delayMaxMs   ...up to this
     * @param sourcesMax   sources remembered at once, the longest idle forgotten first
     */
    public record Throttle(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("1000") long delayMs,
            @DefaultValue("300000") long delayMaxMs,
            @DefaultValue("100000") int sourcesMax) {

        public Throttle {
            if (freeFailures < 0 || delayMs < 1 || delayMaxMs < delayMs || sourcesMax < 1) {
                throw new IllegalArgumentException("paygate.front.auth.throttle: free-failures >= 0,"
                        + " 1 <= delay-ms <= delay-max-ms, sources-max >= 1");
            }
        }
    }

    /** Defaults are OWASP's first Argon2id choice: 19 MiB, 2 iterations, 1 lane. */
    public record Argon2(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism) {

        public Argon2 {
            if (memoryKib < 8 * parallelism || memoryKib > 1_048_576) {
                throw new IllegalArgumentException("paygate.front.auth.argon2.memory-kib out of range: " + memoryKib);
            }
            if (iterations < 1 || iterations > 100 || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("paygate.front.auth.argon2 iterations 1..100, parallelism 1..16");
            }
        }
    }
}
