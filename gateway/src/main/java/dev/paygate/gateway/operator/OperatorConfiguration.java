package dev.paygate.gateway.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Operator accounts and the HTTP Basic filter in front of every operator path. */
@Configuration(proxyBeanMethods = false)
@AllInOne
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorConfiguration {

    @Bean
    OperatorAccounts operatorAccounts(OperatorProperties properties, AuthenticationProperties authentication,
                                      PaygateRuntimeProperties runtime) {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(authentication.argon2());
        List<OperatorProperties.Account> accounts = properties.accounts().isEmpty()
                ? List.of(GeneratedOperatorAccount.loadOrCreate(runtime.dataDirectory().resolve("keys"), hasher))
                : properties.accounts();
        return new OperatorAccounts(accounts, hasher);
    }

    /** Also guards the invariant report on the actuator, which shows account codes and register serials. */
    @Bean
    FilterRegistrationBean<OperatorAuthenticationFilter> operatorAuthenticationFilter(
            OperatorAccounts accounts, ObjectMapper json,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        FilterRegistrationBean<OperatorAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new OperatorAuthenticationFilter(accounts, json));
        registration.addUrlPatterns("/operator", "/operator/*", "/api/v1/operator", "/api/v1/operator/*",
                actuatorBasePath + "/ledgerinvariants", actuatorBasePath + "/ledgerinvariants/*");
        // Before anything else reads the request: nothing of an operator path runs unauthenticated.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
