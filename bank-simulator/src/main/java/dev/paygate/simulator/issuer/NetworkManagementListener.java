package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.simulator.scenario.Delivery;
import org.jpos.iso.ISOMsg;

/** Answers 0800 sign-on, sign-off and echo with 00. */
final class NetworkManagementListener extends IssuerListener {

    NetworkManagementListener(String endpointName, Delivery delivery) {
        super(endpointName, delivery, Mti.NETWORK_MANAGEMENT_REQUEST);
    }

    @Override
    ISOMsg answer(ISOMsg request) {
        return NetworkManagementResponse.answering(NetworkManagementRequest.fromIsoMsg(request), ResponseCode.APPROVED).toIsoMsg();
    }
}
