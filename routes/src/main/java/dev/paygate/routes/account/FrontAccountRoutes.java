package dev.paygate.routes.account;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Front side of the back-office channel: a persistent request, a correlated reply, a bounded wait. An empty answer
 * tells {@link AccountDesk} the back office did not answer in time.
 */
@Component
@FrontUnit
public class FrontAccountRoutes extends RouteBuilder {

    static final String REQUEST = "direct:front.account.request";

    @Override
    public void configure() {
        from(REQUEST)
                .routeId("front.account.request")
                .routeConfigurationId(GatewayErrors.FRONT_REQUEST)
                .to(ExchangePattern.InOut, "jms:queue:{{paygate.account.request-queue}}"
                        + "?requestTimeout={{paygate.account.reply-timeout-ms}}&deliveryPersistent=true");
    }
}
