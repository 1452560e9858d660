package dev.paygate.routes.network;

import static org.apache.camel.support.builder.PredicateBuilder.not;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One keep-alive pair of routes per card network, from two templates: sign-on while the link is not signed on,
 * then echo every {@code echo-interval-ms}. The body of each exchange is the network's name.
 */
@Component
@BackUnit
public class NetworkManagementRoutes extends RouteBuilder {

    static final String SIGN_ON = "network-sign-on";
    static final String ECHO = "network-echo";
    /** A link that just came up is signed on within this delay, not a whole echo interval later. */
    static final String SIGN_ON_RETRY_MS = "1000";

    private final CardNetworks networks;
    private final NetworkManagement management;

    public NetworkManagementRoutes(CardNetworks networks, NetworkManagement management) {
        this.networks = networks;
        this.management = management;
    }

    @Override
    public void configure() {
        routeTemplate(SIGN_ON)
                .templateParameter("network")
                .templateParameter("signOnRetryMs", SIGN_ON_RETRY_MS)
                .from("timer:network-{{network}}-sign-on?delay={{signOnRetryMs}}&period={{signOnRetryMs}}")
                .setBody(constant("{{network}}"))
                .filter(not(method(networks, "signedOn")))
                .bean(management, "keepAlive");

        routeTemplate(ECHO)
                .templateParameter("network")
                .templateParameter("echoIntervalMs")
                .from("timer:network-{{network}}-echo?delay={{echoIntervalMs}}&period={{echoIntervalMs}}")
                .setBody(constant("{{network}}"))
                .filter(method(networks, "signedOn"))
                .bean(management, "keepAlive");

        for (String network : networks.names()) {
            templatedRoute(SIGN_ON)
                    .routeId("network." + network + ".sign-on")
                    .parameter("network", network);
            templatedRoute(ECHO)
                    .routeId("network." + network + ".echo")
                    .parameter("network", network)
                    .parameter("echoIntervalMs", String.valueOf(networks.settings(network).echoIntervalMs()));
        }
    }
}
