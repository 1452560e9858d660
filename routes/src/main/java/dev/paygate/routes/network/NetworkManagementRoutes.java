package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One keep-alive route per card network: an echo every {@code echo-interval-ms} while the link is signed on.
 * Sign-on needs no timer: {@link NetworkManagement} signs on as soon as its link reports a new connection.
 */
@Component
@BackUnit
public class NetworkManagementRoutes extends RouteBuilder {

    private final CardNetworks networks;
    private final NetworkManagement management;

    public NetworkManagementRoutes(CardNetworks networks, NetworkManagement management) {
        this.networks = networks;
        this.management = management;
    }

    @Override
    public void configure() {
        for (String network : networks.names()) {
            long periodMs = networks.settings(network).echoIntervalMs();
            from("timer:network-" + network + "-echo?delay=" + periodMs + "&period=" + periodMs)
                    .routeId("network." + network + ".echo")
                    .filter(exchange -> networks.isConnected(network))
                    .process(exchange -> management.keepAlive(network));
        }
    }
}
