package dev.paygate.routes;

import dev.paygate.routes.back.DecisionProperties;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.reversal.ReversalProperties;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings and shared beans of the payment pipeline. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HandoverProperties.class, DecisionProperties.class, ReversalProperties.class})
public class RoutesConfiguration {

    /** Every time the pipeline records is UTC. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Routes read their queues, timeouts and intervals as {@code {{paygate...}}} placeholders from the bound settings. */
    @Bean
    ConfigurationPropertiesSource configurationPropertiesSource(ApplicationContext context) {
        return new ConfigurationPropertiesSource(() -> {
            Map<String, Object> settingsByPrefix = new LinkedHashMap<>();
            ConfigurationPropertiesBean.getAll(context).values().forEach(bean ->
                    settingsByPrefix.put(bean.getAnnotation().prefix(), bean.getInstance()));
            return settingsByPrefix;
        });
    }
}
