package dev.paygate.routes.sweep;

import dev.paygate.routes.BackUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableScheduling
@EnableConfigurationProperties(SweepProperties.class)
class SweepConfiguration {
}
