package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.simulator.issuer.Issuer.DuplicateKey;
import dev.paygate.simulator.scenario.Delivery;
import org.jpos.iso.ISOMsg;

/**
 * Answers 0400 reversals and 0420 reversal advices: the transaction DE 90 names is undone once,
 * and every repeat is acknowledged without changing anything. Always answered promptly, whatever
 * the card's behaviour, so an acquirer's store-and-forward queue drains.
 */
final class ReversalListener extends IssuerListener {

    private final Issuer issuer;

    ReversalListener(String endpointName, Delivery delivery, Issuer issuer) {
        super(endpointName, delivery, Mti.REVERSAL_REQUEST, Mti.REVERSAL_ADVICE);
        this.issuer = issuer;
    }

    @Override
    ISOMsg answer(ISOMsg request) {
        ReversalRequest reversal = ReversalRequest.fromIsoMsg(request);
        return issuer.answerOnce(DuplicateKey.of(endpointName(), request), () -> ReversalResponse.answering(
                reversal, issuer.reverse(endpointName(), reversal.keyFields(), reversal.original())).toIsoMsg());
    }
}
