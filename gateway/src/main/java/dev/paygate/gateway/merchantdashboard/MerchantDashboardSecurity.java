package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.security.PageHeaders;
import dev.paygate.gateway.security.WebSecurityConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security for the merchant dashboard ({@code /merchant/**}), the same way as the customer's pages: a sign-in
 * with the merchant's API key kept in the HTTP session, the session's CSRF token in every form, no framing, forms
 * posting only to this site. Every request checks that the API key it signed in with is still active.
 */
@Configuration(proxyBeanMethods = false)
class MerchantDashboardSecurity {

    static final String ROLE = "MERCHANT";
    static final String HOME = "/merchant";
    static final String LOGIN = "/merchant/login";
    /** After the operator chain (1) and the API chain (2), before the page chain (last). */
    private static final int CHAIN_ORDER = 3;

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain merchantDashboardChain(HttpSecurity http, CsrfTokenRepository csrfTokens,
                                               MerchantApiKeys apiKeys) throws Exception {
        AccessDeniedHandlerImpl forbiddenPage = new AccessDeniedHandlerImpl();
        forbiddenPage.setErrorPage(WebSecurityConfiguration.FORBIDDEN_PATH);
        http.securityMatcher(HOME, HOME + "/**")
                // The dashboard's home is its sign-in page until someone signs in.
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(HOME, LOGIN).permitAll()
                        .anyRequest().hasRole(ROLE))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(HOME))
                        .accessDeniedHandler(forbiddenPage))
                .logout(logout -> logout.logoutUrl(HOME + "/logout").logoutSuccessUrl(HOME))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new RevokedKeySignsOut(apiKeys), SecurityContextHolderFilter.class)
                .headers(headers -> PageHeaders.apply(headers, PageHeaders.OPERATOR_POLICY));
        return http.build();
    }

    /** A session whose API key was revoked meanwhile ends at its next request, back on the sign-in page. */
    private static final class RevokedKeySignsOut extends OncePerRequestFilter {

        private final MerchantApiKeys apiKeys;

        RevokedKeySignsOut(MerchantApiKeys apiKeys) {
            this.apiKeys = apiKeys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof SignedInMerchant merchant
                    && !apiKeys.isActive(merchant.apiKeyId())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + HOME);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
