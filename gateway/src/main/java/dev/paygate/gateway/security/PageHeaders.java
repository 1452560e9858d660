package dev.paygate.gateway.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of every chain, on top of Spring Security's defaults ({@code X-Content-Type-Options:
 * nosniff}, {@code X-Frame-Options: DENY}, no caching, and HSTS on every response over TLS): a Content Security
 * Policy that forbids framing, and no {@code Referer}, since payment URLs carry the ticket.
 */
public final class PageHeaders {

    /**
     * Payment and account pages: only our own stylesheet and images, never framed. No {@code form-action}: browsers
     * apply it to the 303 that follows a confirm, which must reach the merchant.
     */
    static final String PAGE_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The operator console posts only to itself. */
    public static final String OPERATOR_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** JSON answers and Swagger UI, whose page needs its own scripts and inline styles. */
    static final String API_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    private PageHeaders() {
    }

    public static void apply(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(Customizer.withDefaults());
    }
}
