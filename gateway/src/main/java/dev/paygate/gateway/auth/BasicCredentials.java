package dev.paygate.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

/**
 * The user id and secret of a request's {@code Authorization: Basic} header, as Spring Security's
 * {@link BasicAuthenticationConverter} decodes it (RFC 7617, UTF-8), for the APIs that authenticate each call
 * themselves (merchant API keys, the customer API). Empty when the header is absent or malformed.
 */
public final class BasicCredentials {

    private static final BasicAuthenticationConverter CONVERTER = new BasicAuthenticationConverter();

    private BasicCredentials() {
    }

    public static Optional<UsernamePasswordAuthenticationToken> of(HttpServletRequest request) {
        try {
            return Optional.ofNullable(CONVERTER.convert(request)).filter(given -> !given.getName().isEmpty());
        } catch (AuthenticationException malformed) {
            return Optional.empty();
        }
    }
}
