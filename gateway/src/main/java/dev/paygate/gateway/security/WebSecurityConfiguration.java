package dev.paygate.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for everything but the operator paths (whose chain comes first, see the operator package):
 * the JSON APIs, which authenticate each call with HTTP Basic themselves and keep no session, and the pages,
 * where the session carries the customer's sign-in and the CSRF token every form posts back.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class WebSecurityConfiguration {

    /** The form field that carries the CSRF token; Thymeleaf adds it to every {@code th:action} form. */
    public static final String CSRF_FIELD = "csrf";
    public static final String CUSTOMER_ROLE = "CUSTOMER";
    public static final String FORBIDDEN_PATH = "/forbidden";
    /** Where a payment form refused for its CSRF token goes: the payment page again, with a fresh token. */
    public static final String PAYMENT_FORM_REFUSED_PATH = "/pay/form-refused";
    private static final int API_CHAIN_ORDER = 2;

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setParameterName(CSRF_FIELD);
        return tokens;
    }

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/.well-known/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html")
                // Merchants authenticate each call with their API key, customers with their password.
                .authorizeHttpRequests(paths -> paths.anyRequest().permitAll())
                // No cookie authenticates an API call, so a cross-site request has nothing to ride on.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> PageHeaders.apply(headers, PageHeaders.API_POLICY));
        return http.build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain pageChain(HttpSecurity http, CsrfTokenRepository csrfTokens,
                                  @Value("${management.endpoints.web.base-path:/actuator}") String actuator)
            throws Exception {
        AccessDeniedHandlerImpl forbiddenPage = new AccessDeniedHandlerImpl();
        forbiddenPage.setErrorPage(FORBIDDEN_PATH);
        // A payment form's token is gone when the front that showed the page died or its session ended: the
        // customer gets the page again to confirm anew, not a dead end (a cross-site post gets no more than that).
        AccessDeniedHandlerImpl paymentPageAgain = new AccessDeniedHandlerImpl();
        paymentPageAgain.setErrorPage(PAYMENT_FORM_REFUSED_PATH);
        RequestMatcher paymentForms = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pay/confirm"),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pay/cancel"));
        http.authorizeHttpRequests(paths -> paths
                        .requestMatchers("/account/top-up", "/account/vouchers/**").hasRole(CUSTOMER_ROLE)
                        // The operator chain takes the actuator where operators exist; a front-only process has none.
                        .requestMatchers(actuator + "/health", actuator + "/health/**").permitAll()
                        .requestMatchers(actuator, actuator + "/**").denyAll()
                        .anyRequest().permitAll())
                // The merchant's own page posts the ticket to open the payment page: that changes nothing.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/pay")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/account"))
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(paymentForms, paymentPageAgain)), forbiddenPage)))
                .logout(logout -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/account"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .headers(headers -> PageHeaders.apply(headers, PageHeaders.PAGE_POLICY));
        return http.build();
    }
}
