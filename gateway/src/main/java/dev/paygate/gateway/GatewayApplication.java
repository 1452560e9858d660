package dev.paygate.gateway;

import dev.paygate.gateway.runtime.DataDirectoryLockInitializer;
import dev.paygate.gateway.runtime.PaygateRuntimeProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** Front unit, back unit, or both (the default), by profile: see config/application-*.yml. */
@SpringBootApplication(scanBasePackages = {
        "dev.paygate.gateway.runtime", "dev.paygate.gateway.seed", "dev.paygate.routes",
        "dev.paygate.gateway.operator"})
@EnableConfigurationProperties(PaygateRuntimeProperties.class)
@Import(FrontUnitComponents.class)
public class GatewayApplication {
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        // A process started from here owns its data directory; tests start contexts on directories of their own.
        application.addInitializers(new DataDirectoryLockInitializer());
        application.run(args);
    }
}
