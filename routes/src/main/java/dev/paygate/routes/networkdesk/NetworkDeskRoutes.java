package dev.paygate.routes.networkdesk;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A back unit's end of the network desk: every back unit subscribes to the command topic and takes the commands
 * addressed to all or to it by name (a JMS selector); Camel sends its report to the command's reply queue.
 */
@Component
@BackUnit
public class NetworkDeskRoutes extends RouteBuilder {

    static final String SELECTOR = NetworkDesk.BACK_PROPERTY + " = '" + NetworkDesk.EVERY_BACK + "' OR "
            + NetworkDesk.BACK_PROPERTY + " = '{{paygate.network-desk.back-name}}'";

    private final BackNetworkDesk desk;

    public NetworkDeskRoutes(BackNetworkDesk desk) {
        this.desk = desk;
    }

    @Override
    public void configure() {
        from("jms:topic:{{paygate.network-desk.topic}}?selector=RAW(" + SELECTOR + ")")
                .routeId("back.network-desk.answer")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(desk, "answer");
    }
}
