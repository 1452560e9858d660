package dev.paygate.routes.account;

import dev.paygate.routes.FrontUnit;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Front side of the back-office channel: a persistent request, a correlated reply, a bounded wait. */
@Component
@FrontUnit
public class FrontAccountRoutes extends RouteBuilder {

    static final String REQUEST = "direct:front.account.request";

    private final AccountProperties properties;

    public FrontAccountRoutes(AccountProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(REQUEST)
                .routeId("front.account.request")
                // An empty answer tells the desk the back office did not answer in time.
                .onException(ExchangeTimedOutException.class)
                    .handled(true)
                    .log("Back office did not answer in time")
                    .setBody(constant(""))
                .end()
                .to(ExchangePattern.InOut, "jms:queue:" + properties.requestQueue()
                        + "?requestTimeout=" + properties.replyTimeoutMs() + "&deliveryPersistent=true");
    }
}
