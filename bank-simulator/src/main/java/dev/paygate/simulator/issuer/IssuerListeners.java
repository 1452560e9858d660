package dev.paygate.simulator.issuer;

import dev.paygate.simulator.scenario.Delivery;
import java.util.List;
import org.jpos.iso.ISORequestListener;

/** The request listeners of one endpoint, in the order an ISOServer must try them. */
public final class IssuerListeners {

    private IssuerListeners() {
    }

    public static List<ISORequestListener> forEndpoint(String endpointName, Delivery delivery, Issuer issuer) {
        return List.of(
                CardRequestListener.authorizations(endpointName, delivery, issuer),
                CardRequestListener.financials(endpointName, delivery, issuer),
                new ReversalListener(endpointName, delivery, issuer),
                new NetworkManagementListener(endpointName, delivery),
                new UnsupportedMessageListener(endpointName, delivery));
    }
}
