package dev.paygate.gateway.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.auth.BasicCredentials;
import dev.paygate.gateway.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the operator console and API. A browser sends Basic credentials with any request to the
 * site, including a form another site posts, so a state-changing request must also come from our own pages:
 * {@code Sec-Fetch-Site} or, from older browsers, {@code Origin} must say so. Scripts and curl send neither.
 */
final class OperatorAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute that names the authenticated operator, for the audit log. */
    static final String OPERATOR_ATTRIBUTE = "dev.paygate.gateway.operator.name";

    private static final String CHALLENGE = "Basic realm=\"paygate-operator\", charset=\"UTF-8\"";
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");
    private static final Logger log = LoggerFactory.getLogger(OperatorAuthenticationFilter.class);

    private final OperatorAccounts accounts;
    private final ObjectMapper json;

    OperatorAuthenticationFilter(OperatorAccounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (!SAFE_METHODS.contains(request.getMethod()) && !fromOwnPages(request)) {
            reject(response, HttpServletResponse.SC_FORBIDDEN, new ApiError("cross_site_request",
                    "Operator changes are accepted from the operator console or from API clients, not from other sites."));
            return;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
        Optional<String> operator;
        try {
            operator = credentials.flatMap(accounts::authenticate);
        } finally {
            credentials.ifPresent(BasicCredentials::wipe);
        }
        if (operator.isEmpty()) {
            if (credentials.isPresent()) {
                log.warn("Operator authentication failed from {}", request.getRemoteAddr());
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("operator_auth_failed",
                    "Give an operator user name and password with HTTP Basic."));
            return;
        }
        request.setAttribute(OPERATOR_ATTRIBUTE, operator.get());
        chain.doFilter(request, response);
    }

    private static boolean fromOwnPages(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return OWN_FETCH_SITES.contains(fetchSite);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        try {
            String originAuthority = new URI(origin).getRawAuthority();
            return originAuthority != null && originAuthority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }

    private void reject(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
