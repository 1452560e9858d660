package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.message.OriginalData;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.simulator.issuer.Issuer.DuplicateKey;
import dev.paygate.simulator.scenario.Behaviour;
import dev.paygate.simulator.scenario.Delivery;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 0400 reversals and 0420 reversal advices, and their repeats 0401 and 0421 (same STAN and data, answered
 * 0410 and 0430 with the first answer): the transaction DE 90 names is undone once, and every repeat is
 * acknowledged without changing anything. Always answered promptly, whatever
 * the card's behaviour, so an acquirer's store-and-forward queue drains; except the first reversal of a
 * {@link Behaviour#NO_ANSWER_DROPS_FIRST_REVERSAL_ANSWER} card, booked and left unanswered.
 */
final class ReversalListener extends IssuerListener {

    private static final Logger log = LoggerFactory.getLogger(ReversalListener.class);

    private final Issuer issuer;
    /** Originals (DE 90) whose first reversal answer was dropped; repeats may carry a new STAN. */
    private final Set<OriginalData> droppedOnce = ConcurrentHashMap.newKeySet();

    ReversalListener(String endpointName, Delivery delivery, Issuer issuer) {
        super(endpointName, delivery, Mti.REVERSAL_REQUEST, Mti.REVERSAL_ADVICE, Mti.REVERSAL_REQUEST_REPEAT,
                Mti.REVERSAL_ADVICE_REPEAT);
        this.issuer = issuer;
    }

    @Override
    ISOMsg answer(ISOMsg request) {
        ReversalRequest reversal = ReversalRequest.fromIsoMsg(request);
        ISOMsg answer = issuer.answerOnce(DuplicateKey.of(endpointName(), request), () -> ReversalResponse.answering(
                reversal, issuer.reverse(endpointName(), reversal.keyFields(), reversal.original())).toIsoMsg());
        if (issuer.behaviourOf(reversal.keyFields().pan()) == Behaviour.NO_ANSWER_DROPS_FIRST_REVERSAL_ANSWER
                && droppedOnce.add(reversal.original())) {
            log.info("{} booked the reversal STAN {} and drops its answer (test card behaviour)", endpointName(),
                    reversal.keyFields().stan().digits());
            return null;
        }
        if (reversal.repeat()) {
            log.info("{} matched repeat {} STAN {} to its first transmission", endpointName(), request.getString(0),
                    reversal.keyFields().stan().digits());
        }
        return answer;
    }
}
