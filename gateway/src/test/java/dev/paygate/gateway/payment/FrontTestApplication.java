package dev.paygate.gateway.payment;

import dev.paygate.routes.order.HandoverProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The front unit alone: its own packages, the web stack, a real PostgreSQL and a stub back unit. It leaves
 * out the lead's runtime (Artemis, Camel, Q2, the simulator), which the end-to-end tests bring. Deliberately
 * not a {@code @Configuration}: the application's own component scan covers this package on the test class
 * path and must not pick it up; tests name it explicitly.
 */
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        ThymeleafAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class})
@ComponentScan(basePackages = {
        "dev.paygate.gateway.api",
        "dev.paygate.gateway.database",
        "dev.paygate.gateway.ticket",
        "dev.paygate.gateway.auth",
        "dev.paygate.gateway.voucher",
        "dev.paygate.gateway.payment",
        "dev.paygate.gateway.keys",
        "dev.paygate.gateway.merchant",
        "dev.paygate.gateway.webhook",
        "dev.paygate.gateway.security"})
@EnableConfigurationProperties(HandoverProperties.class)
public class FrontTestApplication {

    /** The properties of {@link FrontUnitTest}, for tests that start contexts of their own (restarts, key rotation). */
    public static String[] properties() {
        return FrontUnitTest.class.getAnnotation(SpringBootTest.class).properties();
    }

    /** Shared by every context in the JVM, so a closing context must not close it. */
    @Bean(destroyMethod = "")
    DataSource dataSource() {
        return FrontTestDatabase.dataSource();
    }

    /** Metrics are recorded, not exported: the end-to-end tests read them from /actuator/prometheus. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }

    @Bean
    StubPaymentHandover paymentHandover(MutableClock clock) {
        return new StubPaymentHandover(clock);
    }
}
