package dev.paygate.gateway.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a login comes from, for {@link LoginThrottle}: the peer of the HTTP request being served (the
 * client's own address when {@code server.forward-headers-strategy} trusts a reverse proxy in front).
 */
public final class ClientAddress {

    /** Logins not made over HTTP (tests, tools) share one source. */
    static final String NOT_OVER_HTTP = "local";

    private ClientAddress() {
    }

    public static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return NOT_OVER_HTTP;
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? NOT_OVER_HTTP : address;
    }
}
