package dev.paygate.gateway.auth;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unseen because its source must still wait ({@link LoginThrottle}). */
public final class LoginThrottledException extends AuthenticationException {

    private final Duration wait;

    public LoginThrottledException(Duration wait) {
        super("too many failed logins from this source; wait " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    /** Whole seconds, at least 1, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
