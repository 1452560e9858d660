package dev.paygate.routes.networkdesk;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A back unit's end of the network desk: every back unit subscribes to the command topic and takes the commands
 * addressed to all or to it by name (a JMS selector); Camel sends its report to the command's reply queue.
 */
@Component
@BackUnit
public class NetworkDeskRoutes extends RouteBuilder {

    private final NetworkDeskProperties properties;
    private final BackNetworkDesk desk;

    public NetworkDeskRoutes(NetworkDeskProperties properties, BackNetworkDesk desk) {
        this.properties = properties;
        this.desk = desk;
    }

    @Override
    public void configure() {
        String selector = NetworkDesk.BACK_PROPERTY + " = '" + NetworkDesk.EVERY_BACK + "' OR "
                + NetworkDesk.BACK_PROPERTY + " = '" + properties.backName() + "'";
        from("jms:topic:" + properties.topic() + "?selector=RAW(" + selector + ")")
                .routeId("back.network-desk.answer")
                .bean(desk, "answer");
    }
}
