package dev.paygate.routes.events;

import dev.paygate.routes.order.JsonMessages;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The back unit's side of the merchant event queue: persistent JSON messages, one per event. */
@Component
@EnableConfigurationProperties(MerchantEventProperties.class)
public record MerchantEvents(ProducerTemplate producer) {

    private static final JsonMessages JSON = new JsonMessages();

    public void publish(MerchantSwept swept) {
        producer.sendBody("jms:queue:{{paygate.events.queue}}?deliveryPersistent=true", JSON.write(swept));
    }

    public MerchantSwept decodeSwept(String text) {
        return JSON.read(text, MerchantSwept.class);
    }
}
