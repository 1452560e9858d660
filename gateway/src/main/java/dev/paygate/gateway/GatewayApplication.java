package dev.paygate.gateway;

import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication(scanBasePackages = {"dev.paygate.gateway", "dev.paygate.routes"})
@EnableConfigurationProperties(PaygateRuntimeProperties.class)
public class GatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
