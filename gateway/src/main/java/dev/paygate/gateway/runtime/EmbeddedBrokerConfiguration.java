package dev.paygate.gateway.runtime;

import dev.paygate.routes.order.HandoverProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's policy for Paygate's queues: a message the consumers keep failing on is redelivered
 * with back-off, then parked on the dead-letter queue, never dropped; an order sent twice with one duplicate id
 * (a client's resend after a failover) is taken once. An external broker needs the same address settings:
 * {@code config/artemis/paygate-address-settings.xml}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedBrokerConfiguration.BrokerPolicy.class)
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer paygateAddressSettings(BrokerPolicy policy, HandoverProperties handover) {
        return configuration -> {
            configuration.addAddressSetting("paygate.#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(policy.deadLetterAddress()))
                    .setAutoCreateDeadLetterResources(true)
                    .setMaxDeliveryAttempts(policy.maxDeliveryAttempts())
                    .setRedeliveryDelay(policy.redeliveryDelayMs())
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(policy.maxRedeliveryDelayMs()));
            // Merged over paygate.#: the request queue remembers the duplicate ids of this many orders, on disk.
            configuration.addAddressSetting(handover.paymentQueue(), new AddressSettings()
                    .setIDCacheSize(policy.requestDuplicateIdsMax()));
            configuration.setPersistIDCache(true);
            configuration.setJournalBufferTimeout_NIO(policy.journalBufferTimeoutNanos());
            configuration.setJournalBufferTimeout_AIO(policy.journalBufferTimeoutNanos());
        };
    }

    /**
     * @param maxDeliveryAttempts  deliveries of one message before it is parked on {@code deadLetterAddress}
     * @param redeliveryDelayMs    pause before the first redelivery, doubling up to {@code maxRedeliveryDelayMs}
     * @param requestDuplicateIdsMax duplicate ids the payment request queue remembers (the oldest go first); far
     *                             more than the orders sent while a client can still resend one after a failover
     * @param journalBufferTimeoutNanos the longest a persistent write waits for others to share its disk sync. The
     *                             broker's default for NIO (3.3 ms) held every order and every answer that long
     *                             on an idle gateway (a request/reply took 7 ms); 50 µs is about one sync of the
     *                             disk here and still batches under load. Every write is on disk before it is
     *                             confirmed, whatever the value.
     */
    @ConfigurationProperties("paygate.broker")
    record BrokerPolicy(
            @DefaultValue("paygate.payment.dead-letter") String deadLetterAddress,
            @DefaultValue("10") int maxDeliveryAttempts,
            @DefaultValue("500") long redeliveryDelayMs,
            @DefaultValue("30000") long maxRedeliveryDelayMs,
            @DefaultValue("100000") int requestDuplicateIdsMax,
            @DefaultValue("50000") int journalBufferTimeoutNanos) {
    }
}
