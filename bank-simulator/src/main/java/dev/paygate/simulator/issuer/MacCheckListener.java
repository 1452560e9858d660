package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.mac.MessageMac;
import dev.paygate.simulator.scenario.Behaviour;
import dev.paygate.simulator.scenario.Delivery;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an endpoint whose network MACs its messages: every request's MAC (DE 64, or DE 128 with a secondary bitmap)
 * is verified before anything else reads it. A missing or wrong MAC is answered 63 (security violation) and the
 * request is neither decided nor booked; a good one goes on to the listeners that answer it. Answers are signed
 * by the endpoint's channel.
 */
record MacCheckListener(String endpointName, Delivery delivery, MessageMac mac) implements ISORequestListener {

    private static final Logger log = LoggerFactory.getLogger(MacCheckListener.class);

    @Override
    public boolean process(ISOSource source, ISOMsg request) {
        if (!isRequest(request) || verifies(request)) {
            return false;
        }
        log.warn("{} refused {} STAN {} terminal {}: MAC missing or invalid, answered 63", endpointName,
                request.getString(0), request.getString(11), request.getString(41));
        ISOMsg answer = IssuerListener.refusal(request, ResponseCode.SECURITY_VIOLATION);
        if (answer != null) {
            delivery.deliver(source, request, answer, Behaviour.NORMAL);
        }
        return true;
    }

    private boolean verifies(ISOMsg request) {
        try {
            return mac.verify(request, request.getPackager());
        } catch (PackagingException e) {
            return false;
        }
    }

    /** Unsolicited responses are the last listener's to drop; only requests are answered. */
    private static boolean isRequest(ISOMsg request) {
        try {
            return Mti.parse(request.getString(0)).isRequest();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
