package dev.paygate.routes.events;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The front unit's side of the merchant event queue. Transacted: a message is acknowledged only once every
 * listener has recorded it.
 */
@Component
@FrontUnit
public class FrontMerchantEventRoutes extends RouteBuilder {

    private final MerchantEvents events;
    private final MerchantEventDispatch dispatch;

    public FrontMerchantEventRoutes(MerchantEvents events, MerchantEventDispatch dispatch) {
        this.events = events;
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        from("jms:queue:{{paygate.events.queue}}?transacted=true")
                .routeId("front.merchant-events.receive")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(events, "decodeSwept")
                .bean(dispatch, "swept");
    }
}
