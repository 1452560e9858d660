package dev.paygate.gateway.runtime;

import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's card network: the bank simulator in this JVM on loopback, listening where
 * {@code config/application.yml} points the networks. Off with {@code paygate.embedded.simulator=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "paygate.embedded.simulator", havingValue = "true", matchIfMissing = true)
class EmbeddedSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);
    static final String SIMULATOR_BEAN = "embeddedBankSimulator";

    @Bean(name = SIMULATOR_BEAN, destroyMethod = "close")
    BankSimulator embeddedBankSimulator(PaygateRuntimeProperties properties, CardNetworkProperties networks) {
        Path file = properties.configDirectory().resolve("bank-simulator").resolve("simulator.yml");
        SimulatorConfig loaded = SimulatorConfig.load(file);
        // Each simulator endpoint listens where the gateway's network of the same name connects.
        SimulatorConfig config = new SimulatorConfig(
                loaded.endpoints().stream()
                        .map(endpoint -> networks.networks().containsKey(endpoint.name())
                                ? endpoint.withPort(networks.networks().get(endpoint.name()).port())
                                : endpoint)
                        .toList(),
                loaded.cardsFile(), loaded.slowDelay(), loaded.idleTimeout(), loaded.sessionsMax(), loaded.lateDelay());
        BankSimulator simulator = BankSimulator.start(config);
        log.info("Bank simulator started in-process from {}: {}", file, config.endpoints().stream()
                .map(endpoint -> endpoint.name() + " on 127.0.0.1:" + simulator.port(endpoint.name())).toList());
        return simulator;
    }

    /** The network client must find the simulator listening, not race it on its first connect. */
    @Bean
    static BeanFactoryPostProcessor networksStartAfterSimulator() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition("q2Runtime")) {
                BeanDefinition q2 = beanFactory.getBeanDefinition("q2Runtime");
                q2.setDependsOn(SIMULATOR_BEAN);
            }
        };
    }
}
