package dev.paygate.gateway.operator;

import dev.paygate.routes.BackUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A back-only process serves nothing but its management port (health, metrics, the ledger invariants), which
 * deployments bind to loopback or a monitoring network: the separate management port is its protection, as no
 * operator accounts live in a back unit. Everything else it might be asked over HTTP is refused.
 */
@Configuration(proxyBeanMethods = false)
@BackUnit
@ConditionalOnProperty(name = "paygate.front.enabled", havingValue = "false")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BackUnitManagementSecurity {

    @Bean
    SecurityFilterChain backUnitManagementChain(HttpSecurity http,
                                                @Value("${management.endpoints.web.base-path:/actuator}") String actuator)
            throws Exception {
        http.authorizeHttpRequests(paths -> paths
                        .requestMatchers(actuator, actuator + "/**").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
