package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Alert;
import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.Argon2idPasswordEncoder;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.LoginThrottle;
import dev.paygate.gateway.auth.ThrottledAuthenticationProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;

/**
 * How an operator proves who they are, on the console's sign-in form and in the API's Basic header alike: the
 * operator accounts with Argon2id behind Spring Security's {@code DaoAuthenticationProvider}, and one set of growing
 * delays per source for both, so switching from one door to the other buys a guesser nothing.
 */
final class OperatorLogins {

    private final AuthenticationManager manager;

    OperatorLogins(OperatorAccounts accounts, AuthenticationProperties authentication, AlertLog alerts, Clock clock,
                   MeterRegistry meters) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(new Argon2idPasswordEncoder(
                new Argon2idPasswordHasher(authentication.argon2(), meters, "operator")));
        LoginThrottle throttle = new LoginThrottle(authentication.throttle(), clock);
        this.manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, alerts,
                authentication, Alert.OPERATOR_SOURCE_THROTTLED));
    }

    AuthenticationManager manager() {
        return manager;
    }
}
