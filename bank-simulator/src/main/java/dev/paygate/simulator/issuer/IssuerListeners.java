package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.mac.MessageMac;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.scenario.Delivery;
import java.util.ArrayList;
import java.util.List;
import org.jpos.iso.ISORequestListener;

/** The request listeners of one endpoint, in the order an ISOServer must try them. */
public final class IssuerListeners {

    private IssuerListeners() {
    }

    public static List<ISORequestListener> forEndpoint(NetworkProfile profile, Delivery delivery, Issuer issuer) {
        String endpointName = profile.name();
        List<ISORequestListener> answering = List.of(
                CardRequestListener.authorizations(endpointName, delivery, issuer),
                CardRequestListener.financials(endpointName, delivery, issuer),
                new ReversalListener(endpointName, delivery, issuer),
                new NetworkManagementListener(endpointName, delivery),
                new UnsupportedMessageListener(endpointName, delivery));
        if (profile.mac().isEmpty()) {
            return answering;
        }
        // First in line: a request whose MAC fails is answered 63 and goes no further.
        List<ISORequestListener> checked = new ArrayList<>();
        checked.add(new MacCheckListener(endpointName, delivery, new MessageMac(profile.mac().get())));
        checked.addAll(answering);
        return List.copyOf(checked);
    }
}
