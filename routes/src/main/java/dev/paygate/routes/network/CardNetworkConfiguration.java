package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.mac.NetworkMacKeys;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The back unit's side of the card networks: Q2 with its channels and MUXes, routing, health. */
@Configuration(proxyBeanMethods = false)
@BackUnit
@EnableConfigurationProperties(CardNetworkProperties.class)
public class CardNetworkConfiguration {

    /** Each network's MAC key is in place before Q2 deploys the channel whose filter reads it. */
    @Bean(destroyMethod = "close")
    Q2Runtime q2Runtime(CardNetworkProperties properties, NetworkMacKeys macKeys) {
        macKeys.publish(properties.networks().keySet());
        return Q2Runtime.start(properties);
    }

    @Bean
    CardNetworks cardNetworks(CardNetworkProperties properties, Q2Runtime q2Runtime) {
        return new CardNetworks(properties);
    }

    /** Named so that health shows it as {@code cardNetworks}. */
    @Bean
    CardNetworksHealth cardNetworksHealthContributor(CardNetworks networks, NetworkManagement management) {
        return new CardNetworksHealth(networks, management);
    }
}
