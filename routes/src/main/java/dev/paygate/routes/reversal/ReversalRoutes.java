package dev.paygate.routes.reversal;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Store-and-forward: due reversals go out on a timer until each network acknowledges them. */
@Component
@BackUnit
public class ReversalRoutes extends RouteBuilder {

    private final ReversalForwarder forwarder;

    public ReversalRoutes(ReversalForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public void configure() {
        from("timer:reversal-saf?delay={{paygate.reversal.poll-interval-ms}}&period={{paygate.reversal.poll-interval-ms}}")
                .routeId("reversal.saf.forward")
                .bean(forwarder, "forwardDue");
    }
}
