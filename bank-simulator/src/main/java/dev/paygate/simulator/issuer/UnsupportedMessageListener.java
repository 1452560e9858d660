package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.simulator.scenario.Delivery;
import org.jpos.iso.ISOMsg;

/**
 * Last in line: any other MTI. A request gets a 30 (format error, this issuer does not process
 * it); anything else, such as an unsolicited response, is logged and dropped.
 */
final class UnsupportedMessageListener extends IssuerListener {

    UnsupportedMessageListener(String endpointName, Delivery delivery) {
        super(endpointName, delivery);
    }

    @Override
    boolean handles(String mti) {
        return true;
    }

    @Override
    ISOMsg answer(ISOMsg request) {
        return refusal(request, ResponseCode.FORMAT_ERROR);
    }
}
