package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.payment.FrontTestDatabase;
import dev.paygate.gateway.payment.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Against the real {@code front} schema on embedded PostgreSQL. */
class CustomerCredentialsTest {

    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final char[] WRONG = "correct horse battery stable".toCharArray();
    private static final AuthenticationProperties.Argon2 FAST_ARGON2 = new AuthenticationProperties.Argon2(1024, 1, 1);
    /** Every attempt here comes from one source; LoginThrottleTest checks the delays. */
    private static final AuthenticationProperties.Throttle NO_THROTTLE =
            new AuthenticationProperties.Throttle(1_000_000, 1, 1, 10);

    private final FrontSchema schema = new FrontSchema(FrontTestDatabase.dataSource());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final AlertLog alerts = new AlertLog(schema, clock);
    private final String customerId = "cust-" + UUID.randomUUID();

    @Test
    void authenticatesWithTheEnrolledPasswordAndStoresOnlyAnArgon2idHash() {
        CustomerCredentials credentials = credentials(LockPolicy.FREEZE);
        credentials.enroll(customerId, PASSWORD.clone());

        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.AUTHENTICATED);
        String stored = schema.jdbc().sql("SELECT password_hash FROM front.customer_credential WHERE customer_id = ?")
                .param(customerId).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$").doesNotContain("horse");
    }

    @Test
    void answersAWrongPasswordAndAnUnknownCustomerAlike() {
        CustomerCredentials credentials = credentials(LockPolicy.FREEZE);
        credentials.enroll(customerId, PASSWORD.clone());

        assertThat(credentials.authenticate(customerId, WRONG.clone())).isEqualTo(AuthenticationResult.FAILED);
        assertThat(credentials.authenticate("nobody-" + UUID.randomUUID(), PASSWORD.clone()))
                .isEqualTo(AuthenticationResult.FAILED);
    }

    @Test
    void locksAfterFiveFailuresAndRaisesOneAlertWithThePolicy() {
        CustomerCredentials credentials = credentials(LockPolicy.FREEZE);
        credentials.enroll(customerId, PASSWORD.clone());

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(credentials.authenticate(customerId, WRONG.clone())).isEqualTo(AuthenticationResult.FAILED);
            assertThat(credentials.isLocked(customerId)).isFalse();
        }
        assertThat(credentials.authenticate(customerId, WRONG.clone())).isEqualTo(AuthenticationResult.FAILED);
        assertThat(credentials.isLocked(customerId)).isTrue();
        credentials.authenticate(customerId, WRONG.clone());

        List<Alert> raised = alertsFor(customerId);
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.CUSTOMER_LOCKED);
            assertThat(alert.policy()).isEqualTo(LockPolicy.FREEZE);
            assertThat(alert.acknowledged()).isFalse();
        });
        assertThat(alerts.acknowledge(raised.getFirst().alertId())).isTrue();
        assertThat(alertsFor(customerId)).singleElement().extracting(Alert::acknowledged).isEqualTo(true);
    }

    @Test
    void aLockedCustomerFailsWhateverThePassword() {
        CustomerCredentials credentials = lockedCustomer(LockPolicy.FREEZE);

        assertThat(credentials.authenticate(customerId, WRONG.clone())).isEqualTo(AuthenticationResult.FAILED);
        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.FAILED);
    }

    @Test
    void aLockedCustomerTakesAsLongToAnswerWhateverThePassword() {
        // Argon2id at its production cost, so that the derivation, not the noise of a shared machine, dominates.
        CustomerCredentials credentials = new CustomerCredentials(schema, alerts, new AuthenticationProperties(5,
                LockPolicy.FREEZE, 900, new AuthenticationProperties.Argon2(19_456, 2, 1), NO_THROTTLE), clock);
        credentials.enroll(customerId, PASSWORD.clone());
        for (int attempt = 0; attempt < 5; attempt++) {
            credentials.authenticate(customerId, WRONG.clone());
        }
        long[] rightNanos = new long[9];
        long[] wrongNanos = new long[9];
        nanosToAuthenticate(credentials, PASSWORD);
        nanosToAuthenticate(credentials, WRONG);

        for (int run = 0; run < rightNanos.length; run++) {
            rightNanos[run] = nanosToAuthenticate(credentials, PASSWORD);
            wrongNanos[run] = nanosToAuthenticate(credentials, WRONG);
        }

        long right = median(rightNanos);
        long wrong = median(wrongNanos);
        // One Argon2id derivation either way, and nothing more: the medians differ by a fraction of it.
        assertThat(Math.abs(right - wrong)).as("right %d ns, wrong %d ns", right, wrong).isLessThan(Math.max(right, wrong) / 3);
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        CustomerCredentials credentials = credentials(LockPolicy.FREEZE);
        credentials.enroll(customerId, PASSWORD.clone());

        for (int round = 0; round < 3; round++) {
            for (int attempt = 0; attempt < 4; attempt++) {
                credentials.authenticate(customerId, WRONG.clone());
            }
            assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.AUTHENTICATED);
        }
        assertThat(credentials.isLocked(customerId)).isFalse();
    }

    @Test
    void freezeKeepsTheLockUntilAnOperatorUnlocks() {
        CustomerCredentials credentials = lockedCustomer(LockPolicy.FREEZE);
        clock.advance(Duration.ofDays(30));

        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.FAILED);
        assertThat(credentials.unlock(customerId)).isTrue();
        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.AUTHENTICATED);
    }

    @Test
    void watchLiftsTheLockAfterItsDuration() {
        CustomerCredentials credentials = lockedCustomer(LockPolicy.WATCH);
        clock.advance(Duration.ofSeconds(899));
        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.FAILED);

        clock.advance(Duration.ofSeconds(1));
        assertThat(credentials.authenticate(customerId, PASSWORD.clone())).isEqualTo(AuthenticationResult.AUTHENTICATED);
        assertThat(alertsFor(customerId)).singleElement().extracting(Alert::policy).isEqualTo(LockPolicy.WATCH);
    }

    @Test
    void concurrentWrongGuessesCannotSlipPastTheLimit() throws Exception {
        CustomerCredentials credentials = credentials(LockPolicy.FREEZE);
        credentials.enroll(customerId, PASSWORD.clone());
        List<Callable<AuthenticationResult>> guesses = IntStream.range(0, 12)
                .<Callable<AuthenticationResult>>mapToObj(i -> () -> credentials.authenticate(customerId, WRONG.clone()))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<AuthenticationResult> guess : pool.invokeAll(guesses, 30, TimeUnit.SECONDS)) {
                assertThat(guess.get()).isEqualTo(AuthenticationResult.FAILED);
            }
        } finally {
            pool.shutdownNow();
        }

        int failedAttempts = schema.jdbc().sql("SELECT failed_attempts FROM front.customer_credential WHERE customer_id = ?")
                .param(customerId).query(Integer.class).single();
        assertThat(failedAttempts).isEqualTo(5);
        assertThat(alertsFor(customerId)).hasSize(1);
    }

    private CustomerCredentials lockedCustomer(LockPolicy policy) {
        CustomerCredentials credentials = credentials(policy);
        credentials.enroll(customerId, PASSWORD.clone());
        for (int attempt = 0; attempt < 5; attempt++) {
            credentials.authenticate(customerId, WRONG.clone());
        }
        assertThat(credentials.isLocked(customerId)).isTrue();
        return credentials;
    }

    private CustomerCredentials credentials(LockPolicy policy) {
        return new CustomerCredentials(schema, alerts, new AuthenticationProperties(5, policy, 900, FAST_ARGON2,
                NO_THROTTLE), clock);
    }

    private long nanosToAuthenticate(CustomerCredentials credentials, char[] password) {
        long start = System.nanoTime();
        assertThat(credentials.authenticate(customerId, password.clone())).isEqualTo(AuthenticationResult.FAILED);
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private List<Alert> alertsFor(String customer) {
        return alerts.recent(1_000).stream().filter(alert -> alert.customerId().equals(customer)).toList();
    }
}
