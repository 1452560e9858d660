package dev.paygate.gateway.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.auth.Alert;
import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.Argon2idPasswordEncoder;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.LoginThrottle;
import dev.paygate.gateway.auth.LoginThrottledException;
import dev.paygate.gateway.auth.ThrottledAuthenticationProvider;
import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import dev.paygate.gateway.security.PageHeaders;
import dev.paygate.gateway.api.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Operator accounts and the Spring Security chain in front of every operator path and the actuator: HTTP Basic
 * with Argon2id, growing delays per source with an alert, refusal of cross-site state changes, no session.
 * Anonymous health answers UP or DOWN only; its details, metrics and the ledger invariant report (account codes
 * and register serials) need an operator.
 */
@Configuration(proxyBeanMethods = false)
@AllInOne
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorConfiguration {

    /** Runs before the API and page chains, which would otherwise take these paths. */
    static final int CHAIN_ORDER = 1;
    private static final String CHALLENGE = "Basic realm=\"paygate-operator\", charset=\"UTF-8\"";

    @Bean
    OperatorAccounts operatorAccounts(OperatorProperties properties, AuthenticationProperties authentication,
                                      PaygateRuntimeProperties runtime) {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(authentication.argon2());
        List<OperatorProperties.Account> accounts = properties.accounts().isEmpty()
                ? List.of(GeneratedOperatorAccount.loadOrCreate(runtime.dataDirectory().resolve("keys"), hasher))
                : properties.accounts();
        return new OperatorAccounts(accounts, hasher);
    }

    @Bean
    @Order(CHAIN_ORDER)
    SecurityFilterChain operatorChain(HttpSecurity http, OperatorAccounts accounts, AuthenticationProperties authentication,
                                      AlertLog alerts, ObjectMapper json, ObjectProvider<Clock> clock,
                                      @Value("${management.endpoints.web.base-path:/actuator}") String actuator)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(new Argon2idPasswordEncoder(new Argon2idPasswordHasher(authentication.argon2())));
        LoginThrottle throttle = new LoginThrottle(authentication.throttle(), clock.getIfUnique(Clock::systemUTC));
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
        http.securityMatcher("/operator", "/operator/**", "/api/v1/operator", "/api/v1/operator/**",
                        actuator, actuator + "/**")
                .authorizeHttpRequests(paths -> paths
                        .requestMatchers(actuator + "/health", actuator + "/health/**").permitAll()
                        .anyRequest().hasRole(OperatorAccounts.ROLE))
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle,
                        alerts, authentication, Alert.OPERATOR_SOURCE_THROTTLED)))
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(challenge).accessDeniedHandler(crossSite))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new CrossSiteRequest()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
