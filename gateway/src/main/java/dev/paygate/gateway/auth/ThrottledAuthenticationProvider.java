package dev.paygate.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts {@link LoginThrottle}'s growing delays in front of a Spring Security provider: a source that must wait is
 * refused before its password is looked at; the failure that starts the delays raises an alert.
 */
public record ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, AlertLog alerts,
                                              AuthenticationProperties properties, String alertKind)
        implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    @Override
    public Authentication authenticate(Authentication attempt) {
        String source = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : ClientAddress.NOT_OVER_HTTP;
        throttle.waitFor(source).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        try {
            Authentication authenticated = delegate.authenticate(attempt);
            throttle.recordSuccess(source);
            return authenticated;
        } catch (BadCredentialsException failed) {
            log.warn("Login as {} failed from {}", attempt.getName(), source);
            if (throttle.recordFailure(source)) {
                alerts.raise(attempt.getName(), alertKind, properties.lockPolicy());
            }
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
