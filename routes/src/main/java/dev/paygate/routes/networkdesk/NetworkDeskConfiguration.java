package dev.paygate.routes.networkdesk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the network desk, read by both units. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NetworkDeskProperties.class)
public class NetworkDeskConfiguration {
}
