package dev.paygate.gateway.operator;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A state-changing request a browser sent from another site. A browser sends cached Basic credentials with any
 * request to the site, including a form another site posts, so the operator chain's CSRF protection refuses
 * these: {@code Sec-Fetch-Site} or, from older browsers, {@code Origin} tells. Scripts and curl send neither,
 * and the console's own forms are same-origin.
 */
final class CrossSiteRequest implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    @Override
    public boolean matches(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && !fromOwnPages(request);
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
}
