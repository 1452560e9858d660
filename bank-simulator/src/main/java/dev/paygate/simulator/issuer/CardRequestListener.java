package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.simulator.issuer.Issuer.Decision;
import dev.paygate.simulator.issuer.Issuer.DuplicateKey;
import dev.paygate.simulator.scenario.Behaviour;
import dev.paygate.simulator.scenario.Delivery;
import org.jpos.iso.ISOMsg;

/**
 * Answers 0100 authorizations (funds held) and 0200 financial requests (posted at once; a refund
 * credits). One instance per MTI; a duplicate gets its first answer, delivered the way its card
 * behaves.
 */
final class CardRequestListener extends IssuerListener {

    private final Issuer issuer;
    private final Mti mti;

    private CardRequestListener(String endpointName, Delivery delivery, Issuer issuer, Mti mti) {
        super(endpointName, delivery, mti);
        this.issuer = issuer;
        this.mti = mti;
    }

    static CardRequestListener authorizations(String endpointName, Delivery delivery, Issuer issuer) {
        return new CardRequestListener(endpointName, delivery, issuer, Mti.AUTHORIZATION_REQUEST);
    }

    static CardRequestListener financials(String endpointName, Delivery delivery, Issuer issuer) {
        return new CardRequestListener(endpointName, delivery, issuer, Mti.FINANCIAL_REQUEST);
    }

    @Override
    ISOMsg answer(ISOMsg request) {
        CardRequest card = CardRequest.fromIsoMsg(request);
        return issuer.answerOnce(DuplicateKey.of(endpointName(), request), () -> {
            Decision decision = issuer.decide(endpointName(), mti, card.keyFields(), card.expiry());
            return CardResponse.answering(card, decision.responseCode(), decision.approvalCode()).toIsoMsg();
        });
    }

    @Override
    Behaviour behaviour(ISOMsg request) {
        return issuer.behaviourOf(Pan.of(request.getString(2)));
    }
}
