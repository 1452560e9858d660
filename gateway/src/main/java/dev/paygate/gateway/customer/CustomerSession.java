package dev.paygate.gateway.customer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The customer's signed-in state on the account pages: the customer id and a per-session CSRF token kept
 * in the HTTP session, which ends after {@link #IDLE_TIMEOUT} without a request.
 */
final class CustomerSession {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    static final String CSRF_FIELD = "csrf";

    private static final String CUSTOMER_ID = "paygate.customer.id";
    private static final String CSRF_TOKEN = "paygate.customer.csrf";
    private static final int CSRF_TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CustomerSession() {
    }

    static Optional<String> customerId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(CUSTOMER_ID));
    }

    /** The session's CSRF token, creating the session (and the token) on first use. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) IDLE_TIMEOUT.toSeconds());
        String token = (String) session.getAttribute(CSRF_TOKEN);
        if (token == null) {
            token = newToken();
            session.setAttribute(CSRF_TOKEN, token);
        }
        return token;
    }

    /** True when the form carries this session's token; compared in constant time. */
    static boolean csrfMatches(HttpServletRequest request, String given) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(CSRF_TOKEN);
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** Signs the customer in on a new session id and a new token, so nothing from before the login carries over. */
    static void signIn(HttpServletRequest request, String customerId) {
        request.changeSessionId();
        HttpSession session = request.getSession(false);
        session.setAttribute(CUSTOMER_ID, customerId);
        session.setAttribute(CSRF_TOKEN, newToken());
        session.setMaxInactiveInterval((int) IDLE_TIMEOUT.toSeconds());
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[CSRF_TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
