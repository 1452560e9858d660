package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The back unit's side of the card networks: Q2 with its channels and MUXes, routing, health. */
@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableConfigurationProperties(CardNetworkProperties.class)
public class CardNetworkConfiguration {

    @Bean(destroyMethod = "close")
    Q2Runtime q2Runtime(CardNetworkProperties properties) {
        return Q2Runtime.deploy(properties);
    }

    @Bean
    CardNetworks cardNetworks(CardNetworkProperties properties, Q2Runtime q2Runtime) {
        return new CardNetworks(properties, q2Runtime);
    }

    /** Named so that health shows it as {@code cardNetworks}. */
    @Bean
    CardNetworksHealth cardNetworksHealthContributor(CardNetworks networks) {
        return new CardNetworksHealth(networks);
    }
}
