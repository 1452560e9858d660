package dev.paygate.gateway.customer;

import dev.paygate.gateway.security.WebSecurityConfiguration;
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
 * Signs a customer in on the account pages once their password was checked: Spring Security keeps the customer
 * in the HTTP session, on a new session id and with a new CSRF token, so nothing from before the sign-in
 * (a planted session id, a token seen by someone else) carries over.
 */
@Component
class CustomerSignIn {

    private final SessionAuthenticationStrategy renewal;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    CustomerSignIn(CsrfTokenRepository csrfTokens) {
        this.renewal = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    void signIn(String customerId, HttpServletRequest request, HttpServletResponse response) {
        Authentication customer = UsernamePasswordAuthenticationToken.authenticated(customerId, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + WebSecurityConfiguration.CUSTOMER_ROLE)));
        request.getSession(true);
        renewal.onAuthentication(customer, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(customer);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
