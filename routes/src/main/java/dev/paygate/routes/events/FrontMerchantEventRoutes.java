package dev.paygate.routes.events;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.errors.GatewayErrors;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The front unit's side of the merchant event queue. Transacted: a message is acknowledged only once every
 * listener has recorded it.
 */
@Component
@FrontUnit
public class FrontMerchantEventRoutes extends RouteBuilder {

    private final MerchantEvents events;
    private final MerchantEventProperties properties;
    private final List<MerchantEventListener> listeners;

    public FrontMerchantEventRoutes(MerchantEvents events, MerchantEventProperties properties,
                                    ObjectProvider<MerchantEventListener> listeners) {
        this.events = events;
        this.properties = properties;
        this.listeners = listeners.orderedStream().toList();
    }

    @Override
    public void configure() {
        from("jms:queue:" + properties.queue() + "?transacted=true")
                .routeId("front.merchant-events.receive")
                .routeConfigurationId(GatewayErrors.ID)
                .process(exchange -> {
                    MerchantSwept swept = events.decodeSwept(exchange.getMessage().getMandatoryBody(String.class));
                    listeners.forEach(listener -> listener.swept(swept));
                });
    }
}
