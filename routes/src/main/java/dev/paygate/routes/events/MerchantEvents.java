package dev.paygate.routes.events;

import dev.paygate.routes.order.JsonMessages;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The back unit's side of the merchant event queue: persistent JSON messages, one per event. */
@Component
@EnableConfigurationProperties(MerchantEventProperties.class)
public class MerchantEvents {

    private final JsonMessages json = new JsonMessages();
    private final ProducerTemplate producer;

    public MerchantEvents(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void publish(MerchantSwept swept) {
        producer.sendBody("jms:queue:{{paygate.events.queue}}?deliveryPersistent=true", json.write(swept));
    }

    public MerchantSwept decodeSwept(String text) {
        return json.read(text, MerchantSwept.class);
    }
}
