package dev.paygate.gateway.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.LoginThrottledException;
import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import dev.paygate.gateway.security.PageHeaders;
import dev.paygate.gateway.api.ApiError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Operator accounts and the Spring Security chains in front of every operator path and the actuator: the console
 * with a sign-in form and a session, the API and the actuator with HTTP Basic and no session; Argon2id behind
 * both, growing delays per source with an alert. Anonymous health answers UP or DOWN only; its details, metrics and
 * the ledger invariant report (account codes and register serials) need an operator.
 */
@Configuration(proxyBeanMethods = false)
@AllInOne
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorConfiguration {

    /** Runs before the API and page chains, which would otherwise take these paths. */
    static final int CHAIN_ORDER = 1;
    /** Session attribute of an operator's console sign-in; a customer's account sign-in has Spring's default. */
    static final String CONSOLE_SIGN_IN_KEY = "PAYGATE_OPERATOR_SIGN_IN";
    private static final String CHALLENGE = "Basic realm=\"paygate-operator\", charset=\"UTF-8\"";

    @Bean
    OperatorAccounts operatorAccounts(OperatorProperties properties, AuthenticationProperties authentication,
                                      PaygateRuntimeProperties runtime) {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(authentication.argon2());
        return properties.accounts().isEmpty()
                ? new OperatorAccounts(GeneratedOperatorAccount.loadOrCreate(runtime.dataDirectory().resolve("keys"), hasher))
                : new OperatorAccounts(properties.accounts(), hasher);
    }

    @Bean
    OperatorLogins operatorLogins(OperatorAccounts accounts, AuthenticationProperties authentication, AlertLog alerts,
                                  Clock clock, MeterRegistry meters) {
        return new OperatorLogins(accounts, authentication, alerts, clock, meters);
    }

    /**
     * The JSON API and the actuator, for scripts and monitors: HTTP Basic on every call, no session. A browser
     * sends cached Basic credentials with a form another site posts, so cross-site changes are refused.
     */
    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain operatorApiChain(HttpSecurity http, OperatorLogins logins, ObjectMapper json,
                                         @Value("${management.endpoints.web.base-path:/actuator}") String actuator)
            throws Exception {
        AuthenticationEntryPoint challenge = (request, response, failure) -> {
            if (failure instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                write(json, response, HttpStatus.TOO_MANY_REQUESTS, new ApiError("too_many_attempts",
                        "Too many failed operator logins from this address; try again later."));
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            write(json, response, HttpStatus.UNAUTHORIZED, new ApiError("operator_auth_failed",
                    "Give an operator user name and password with HTTP Basic."));
        };
        AccessDeniedHandler crossSite = (request, response, denied) -> write(json, response, HttpStatus.FORBIDDEN,
                new ApiError("cross_site_request",
                        "Operator changes are accepted from the operator console or from API clients, not from other sites."));
        http.securityMatcher("/api/v1/operator", "/api/v1/operator/**", actuator, actuator + "/**")
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(actuator + "/health", actuator + "/health/**").permitAll()
                        .anyRequest().hasRole(OperatorAccounts.ROLE))
                .authenticationManager(logins.manager())
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge).accessDeniedHandler(crossSite))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CrossSiteRequest()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> PageHeaders.apply(headers, PageHeaders.OPERATOR_POLICY));
        return http.build();
    }

    /**
     * The console, for people: a sign-in form and a session, so that signing out really ends access (a browser
     * keeps HTTP Basic credentials until it is closed, and no page can make it forget them). The operator's sign-in
     * lives in the session under a key of its own, apart from a customer's sign-in on the account pages; every
     * form carries the session's CSRF token.
     */
    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain operatorConsoleChain(HttpSecurity http, OperatorLogins logins, CsrfTokenRepository csrfTokens)
            throws Exception {
        HttpSessionSecurityContextRepository signIns = new HttpSessionSecurityContextRepository();
        signIns.setSpringSecurityContextKey(CONSOLE_SIGN_IN_KEY);
        AuthenticationFailureHandler refused = (request, response, failure) -> response.sendRedirect(
                request.getContextPath() + OperatorLoginController.LOGIN_PATH
                        + (failure instanceof LoginThrottledException ? "?throttled" : "?failed"));
        // An expired session or a form from elsewhere: nothing was done; the console says so (or asks to sign in).
        AccessDeniedHandler staleForm = (request, response, denied) -> response.sendRedirect(
                request.getContextPath() + "/operator?done=" + OperatorConsoleController.FORM_EXPIRED);
        http.securityMatcher("/operator", "/operator/**")
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(OperatorLoginController.LOGIN_PATH).permitAll()
                        .anyRequest().hasRole(OperatorAccounts.ROLE))
                .authenticationManager(logins.manager())
                .securityContext(context -> context.securityContextRepository(signIns))
                .formLogin(form -> form
                        .loginPage(OperatorLoginController.LOGIN_PATH)
                        .loginProcessingUrl(OperatorLoginController.LOGIN_PATH)
                        .defaultSuccessUrl("/operator", true)
                        .failureHandler(refused))
                .logout(logout -> logout
                        .logoutUrl(OperatorLoginController.LOGOUT_PATH)
                        .logoutSuccessUrl(OperatorLoginController.LOGIN_PATH + "?signedOut"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(OperatorLoginController.LOGIN_PATH))
                        .accessDeniedHandler(staleForm))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .headers(headers -> PageHeaders.apply(headers, PageHeaders.OPERATOR_POLICY));
        return http.build();
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, ApiError error)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }
}
