package dev.paygate.shop;

import java.time.Clock;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DemoShopApplication {

    /**
     * Run from the repository root, Spring Boot would also read the gateway's config/application*.yml
     * (its default search includes ./config/). The shop reads its own defaults and, optionally,
     * config/demo-shop/application.yml instead; --spring.config.location still overrides this.
     */
    static final String CONFIG_LOCATION = "classpath:/,optional:file:./config/demo-shop/";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DemoShopApplication.class);
        application.setDefaultProperties(Map.of("spring.config.location", CONFIG_LOCATION));
        application.run(args);
    }

    /** Ticket issue times and voucher expiry checks read this one clock (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
