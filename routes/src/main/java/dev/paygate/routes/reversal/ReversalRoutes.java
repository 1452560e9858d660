package dev.paygate.routes.reversal;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Store-and-forward: due reversals go out on a timer until each network acknowledges them. */
@Component
@BackUnit
public class ReversalRoutes extends RouteBuilder {

    private final ReversalProperties properties;
    private final ReversalForwarder forwarder;

    public ReversalRoutes(ReversalProperties properties, ReversalForwarder forwarder) {
        this.properties = properties;
        this.forwarder = forwarder;
    }

    @Override
    public void configure() {
        from("timer:reversal-saf?delay=" + properties.pollIntervalMs() + "&period=" + properties.pollIntervalMs())
                .routeId("reversal.saf.forward")
                .bean(forwarder, "forwardDue");
    }
}
