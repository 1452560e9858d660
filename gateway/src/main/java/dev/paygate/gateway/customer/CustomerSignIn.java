package dev.paygate.gateway.customer;

import dev.paygate.gateway.security.SessionSignIn;
import dev.paygate.gateway.security.WebSecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** Signs a customer in on the account pages once their password was checked (see {@link SessionSignIn}). */
@Component
class CustomerSignIn {

    private final SessionSignIn sessions;

    CustomerSignIn(SessionSignIn sessions) {
        this.sessions = sessions;
    }

    void signIn(String customerId, HttpServletRequest request, HttpServletResponse response) {
        sessions.signIn(customerId, WebSecurityConfiguration.CUSTOMER_ROLE, request, response);
    }
}
