package dev.paygate.gateway.auth;

import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Customers' passwords, the patent's access key (fig. 4C; docs/architecture.md step 4). Every attempt costs one
 * Argon2id derivation whether the customer exists, is locked or not, and a locked customer is answered
 * {@code FAILED} whatever the password, so neither the answer nor its timing tells a guesser anything. A source
 * with too many failures waits first ({@link LoginThrottle}); the attempt that reaches the failure limit locks.
 */
@Component
@EnableConfigurationProperties(AuthenticationProperties.class)
public class CustomerCredentials {

    private static final int PASSWORD_LENGTH_MIN = 8;
    private static final int PASSWORD_LENGTH_MAX = 1024;
    private static final char[] DECOY_PASSWORD = "decoy password for unknown customers".toCharArray();
    /** The alert's subject when a throttled attempt named no customer. */
    private static final String UNNAMED = "-";

    private final FrontSchema schema;
    private final AlertLog alerts;
    private final AuthenticationProperties properties;
    private final Argon2idPasswordHasher hasher;
    private final Clock clock;
    private final LoginThrottle throttle;
    /**
     * Verified against when the customer is unknown, so an unknown id costs what a known one does. Made in the
     * background once the gateway is ready (or by the first attempt that needs it): a derivation the start-up need
     * not pay for, the first one of a cold JVM and the slowest.
     */
    private volatile CompletableFuture<String> decoyHash;

    /** Derivations unmeasured: for tests of one class. */
    public CustomerCredentials(FrontSchema schema, AlertLog alerts, AuthenticationProperties properties,
                               Clock clock) {
        this(schema, alerts, properties, clock, new SimpleMeterRegistry());
    }

    @Autowired
    public CustomerCredentials(FrontSchema schema, AlertLog alerts, AuthenticationProperties properties,
                               Clock clock, MeterRegistry meters) {
        this.schema = schema;
        this.alerts = alerts;
        this.properties = properties;
        this.hasher = new Argon2idPasswordHasher(properties.argon2(), meters, "customer");
        this.clock = clock;
        this.throttle = new LoginThrottle(properties.throttle(), this.clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareDecoyHash() {
        decoyHash();
    }

    private CompletableFuture<String> decoyHash() {
        CompletableFuture<String> decoy = decoyHash;
        if (decoy == null) {
            synchronized (this) {
                if (decoyHash == null) {
                    decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash(DECOY_PASSWORD));
                }
                decoy = decoyHash;
            }
        }
        return decoy;
    }

    /** Sets the customer's password (new customer or new password) and clears any lock. */
    public void enroll(String customerId, char[] password) {
        ClaimRules.requireId(ClaimNames.CUSTOMER_ID, customerId);
        if (password == null || password.length < PASSWORD_LENGTH_MIN || password.length > PASSWORD_LENGTH_MAX) {
            throw new IllegalArgumentException("a password has " + PASSWORD_LENGTH_MIN + " to " + PASSWORD_LENGTH_MAX
                    + " characters");
        }
        String hash = hasher.hash(password);
        schema.jdbc().sql("""
                        INSERT INTO front.customer_credential (customer_id, password_hash, updated_at)
                        VALUES (:customerId, :hash, :now)
                        ON CONFLICT (customer_id) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                            failed_attempts = 0, locked = false, locked_at = NULL, updated_at = EXCLUDED.updated_at""")
                .param("customerId", customerId)
                .param("hash", hash)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** An operator's unlock; false when the customer is unknown. */
    public boolean unlock(String customerId) {
        return schema.jdbc().sql("""
                        UPDATE front.customer_credential
                        SET failed_attempts = 0, locked = false, locked_at = NULL, updated_at = :now
                        WHERE customer_id = :customerId""")
                .param("customerId", customerId)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    public boolean isLocked(String customerId) {
        return schema.jdbc().sql("SELECT locked FROM front.customer_credential WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * Checks the password of a login from the current HTTP request's source. A wrong one counts towards the
     * limit; the attempt that reaches it locks the customer and raises an alert with the configured policy, in
     * the same transaction.
     */
    public AuthenticationResult authenticate(String customerId, char[] password) {
        String source = ClientAddress.current();
        if (throttle.waitFor(source).isPresent()) {
            return AuthenticationResult.THROTTLED;
        }
        AuthenticationResult result = check(customerId, password);
        if (result == AuthenticationResult.AUTHENTICATED) {
            throttle.recordSuccess(source);
        } else if (throttle.recordFailure(source)) {
            alerts.raise(customerId == null ? UNNAMED : customerId, Alert.SOURCE_THROTTLED, properties.lockPolicy());
        }
        return result;
    }

    private AuthenticationResult check(String customerId, char[] password) {
        if (customerId == null || password == null || password.length > PASSWORD_LENGTH_MAX) {
            hasher.verify(DECOY_PASSWORD, decoyHash().join());
            return AuthenticationResult.FAILED;
        }
        Optional<StoredCredential> stored = find(customerId)
                .map(credential -> liftingAnExpiredWatchLock(customerId, credential));
        boolean matches = hasher.verify(password, stored.map(StoredCredential::passwordHash)
                .orElseGet(() -> decoyHash().join()));
        if (stored.isEmpty() || stored.get().locked()) {
            return AuthenticationResult.FAILED;
        }
        if (matches) {
            if (stored.get().failedAttempts() > 0) {
                resetFailedAttempts(customerId);
            }
            return AuthenticationResult.AUTHENTICATED;
        }
        recordFailure(customerId);
        return AuthenticationResult.FAILED;
    }

    /** Wipes a password the caller no longer needs; a small help, since the servlet API hands out Strings. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private Optional<StoredCredential> find(String customerId) {
        return schema.jdbc().sql("""
                        SELECT password_hash, locked, failed_attempts FROM front.customer_credential
                        WHERE customer_id = :customerId""")
                .param("customerId", customerId)
                .query((row, rowNumber) -> new StoredCredential(row.getString("password_hash"), row.getBoolean("locked"),
                        row.getInt("failed_attempts")))
                .optional();
    }

    private void resetFailedAttempts(String customerId) {
        schema.jdbc().sql("""
                        UPDATE front.customer_credential SET failed_attempts = 0, updated_at = :now
                        WHERE customer_id = :customerId AND failed_attempts > 0""")
                .param("customerId", customerId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private void recordFailure(String customerId) {
        Instant now = clock.instant();
        schema.inTransaction(status -> {
            // One statement counts and locks, so concurrent wrong guesses cannot slip past the limit.
            boolean lockedNow = schema.jdbc().sql("""
                            UPDATE front.customer_credential
                            SET failed_attempts = failed_attempts + 1,
                                locked = failed_attempts + 1 >= :failedAttemptsMax,
                                locked_at = CASE WHEN failed_attempts + 1 >= :failedAttemptsMax THEN CAST(:now AS timestamptz) END,
                                updated_at = :now
                            WHERE customer_id = :customerId AND NOT locked
                            RETURNING locked""")
                    .param("customerId", customerId)
                    .param("failedAttemptsMax", properties.failedAttemptsMax())
                    .param("now", Timestamp.from(now))
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (lockedNow) {
                alerts.raise(customerId, Alert.CUSTOMER_LOCKED, properties.lockPolicy());
            }
            return lockedNow;
        });
    }

    /**
     * Under the watch policy a lock ends by itself after its duration: lifted here, at the customer's next try.
     * Only a locked credential costs the statement; the row's own condition decides whether the time is up.
     */
    private StoredCredential liftingAnExpiredWatchLock(String customerId, StoredCredential credential) {
        if (!credential.locked() || properties.lockPolicy() != LockPolicy.WATCH) {
            return credential;
        }
        int lifted = schema.jdbc().sql("""
                        UPDATE front.customer_credential
                        SET failed_attempts = 0, locked = false, locked_at = NULL, updated_at = :now
                        WHERE customer_id = :customerId AND locked AND locked_at <= :liftBefore""")
                .param("customerId", customerId)
                .param("now", Timestamp.from(clock.instant()))
                .param("liftBefore", Timestamp.from(clock.instant().minusSeconds(properties.watchLockSeconds())))
                .update();
        return lifted == 1 ? new StoredCredential(credential.passwordHash(), false, 0) : credential;
    }

    private record StoredCredential(String passwordHash, boolean locked, int failedAttempts) {
    }
}
