package dev.paygate.routes.card;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The card path of the decision: authorize with the network the card's BIN routes to. */
@Component
@BackUnit
public class CardRoutes extends RouteBuilder {

    public static final String AUTHORIZE = "direct:back.card.authorize";

    private final CardAuthorizationStep authorization;

    public CardRoutes(CardAuthorizationStep authorization) {
        this.authorization = authorization;
    }

    @Override
    public void configure() {
        from(AUTHORIZE)
                .routeId("back.card.authorize")
                .routeConfigurationId(GatewayErrors.STEP)
                .bean(authorization, "authorize");
    }
}
