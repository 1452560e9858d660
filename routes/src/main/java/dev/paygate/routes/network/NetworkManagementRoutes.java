package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** One keep-alive route per card network: sign-on, then echo every {@code echo-interval-ms}. */
@Component
@BackUnit
public class NetworkManagementRoutes extends RouteBuilder {

    /** A link that just came up is signed on within this delay, not a whole echo interval later. */
    static final long SIGN_ON_RETRY_MS = 1000;

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
            from("timer:network-" + network + "-sign-on?delay=" + SIGN_ON_RETRY_MS + "&period=" + SIGN_ON_RETRY_MS)
                    .routeId("network." + network + ".sign-on")
                    .filter(exchange -> !networks.state(network).signedOn())
                    .process(exchange -> management.keepAlive(network));
            from("timer:network-" + network + "-echo?delay=" + periodMs + "&period=" + periodMs)
                    .routeId("network." + network + ".echo")
                    .filter(exchange -> networks.state(network).signedOn())
                    .process(exchange -> management.keepAlive(network));
        }
    }
}
