package dev.paygate.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.gateway.auth.Alert;
import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.LockPolicy;
import dev.paygate.gateway.auth.LoginThrottledException;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.payment.FrontTestDatabase;
import dev.paygate.gateway.payment.MutableClock;
import dev.paygate.merchant.jose.Ids;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Issue 14, point 9: operator logins (the console's form and the API's Basic header) get the customers' growing
 * delays per source and an alert, through the manager both operator chains use, with real Argon2id and the real
 * alert table.
 */
class OperatorLoginThrottleTest {

    private static final AuthenticationProperties.Argon2 FAST_ARGON2 = new AuthenticationProperties.Argon2(1024, 1, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T20:00:00Z"));
    private final AlertLog alerts = new AlertLog(new FrontSchema(FrontTestDatabase.dataSource()), clock);
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(FAST_ARGON2);
    private final String operator = "ops-" + Ids.random().substring(0, 8);
    private final AuthenticationManager logins = logins();

    @Test
    void aSourceOfWrongOperatorPasswordsWaitsGrowingDelaysAndRaisesOneAlert() {
        for (int failure = 1; failure <= 3; failure++) {
            assertThatThrownBy(() -> login("198.51.100.7", "wrong password")).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> login("198.51.100.7", "operator test password"))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        throttled -> assertThat(throttled.retryAfterSeconds()).isEqualTo(2));
        assertThat(login("203.0.113.9", "operator test password").getName()).isEqualTo(operator);
        clock.advance(Duration.ofSeconds(2));
        assertThat(login("198.51.100.7", "operator test password").getName()).isEqualTo(operator);
        assertThat(alerts.recent(100)).filteredOn(alert -> alert.customerId().equals(operator)).singleElement()
                .satisfies(alert -> assertThat(alert.kind()).isEqualTo(Alert.OPERATOR_SOURCE_THROTTLED));
    }

    private Authentication login(String source, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(source);
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(operator, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return logins.authenticate(attempt);
    }

    /** The one the console's sign-in form and the API's Basic header share. */
    private AuthenticationManager logins() {
        OperatorAccounts accounts = new OperatorAccounts(List.of(new OperatorProperties.Account(operator,
                hasher.hash("operator test password".toCharArray()))), hasher);
        AuthenticationProperties properties = new AuthenticationProperties(5, LockPolicy.WATCH, 900, FAST_ARGON2,
                new AuthenticationProperties.Throttle(2, 2_000, 60_000, 100));
        return new OperatorLogins(accounts, properties, alerts, clock, new SimpleMeterRegistry()).manager();
    }
}
