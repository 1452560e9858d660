package dev.paygate.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs someone in on the pages once their credentials were checked: Spring Security keeps them in the HTTP
 * session, on a new session id and with a new CSRF token, so nothing from before the sign-in (a planted session id,
 * a token seen by someone else) carries over.
 */
@Component
public class SessionSignIn {

    private final SessionAuthenticationStrategy renewal;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionSignIn(CsrfTokenRepository csrfTokens) {
        this.renewal = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    /**
     * @param principal who is signed in; its {@code getName()} (a {@link java.security.Principal}'s name, else its
     *                  text) is what the pages see, and it is kept in the session, so it must be serializable
     * @param role      the role without its {@code ROLE_} prefix
     */
    public void signIn(Object principal, String role, HttpServletRequest request, HttpServletResponse response) {
        Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
        request.getSession(true);
        renewal.onAuthentication(signedIn, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
