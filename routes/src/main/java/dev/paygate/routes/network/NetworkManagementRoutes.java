package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One echo route per card network, from one template: an 0800 echo every {@code echo-interval-ms} while the link is
 * signed on. The body of each exchange is the network's name. Sign-on needs no timer: {@link NetworkManagement}
 * signs on as soon as its link reports a new connection.
 */
@Component
@BackUnit
public class NetworkManagementRoutes extends RouteBuilder {

    static final String ECHO = "network-echo";

    private final CardNetworks networks;
    private final NetworkManagement management;

    public NetworkManagementRoutes(CardNetworks networks, NetworkManagement management) {
        this.networks = networks;
        this.management = management;
    }

    @Override
    public void configure() {
        routeTemplate(ECHO)
                .templateParameter("network")
                .templateParameter("echoIntervalMs")
                .from("timer:network-{{network}}-echo?delay={{echoIntervalMs}}&period={{echoIntervalMs}}")
                .setBody(constant("{{network}}"))
                .filter(method(networks, "isConnected"))
                .bean(management, "keepAlive");

        for (String network : networks.names()) {
            templatedRoute(ECHO)
                    .routeId("network." + network + ".echo")
                    .parameter("network", network)
                    .parameter("echoIntervalMs", String.valueOf(networks.settings(network).echoIntervalMs()));
        }
    }
}
