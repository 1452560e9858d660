package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.MaskedMessage;
import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.simulator.scenario.Behaviour;
import dev.paygate.simulator.scenario.Delivery;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISORequestListener;
import org.jpos.iso.ISOSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of the request listeners, one per MTI family: logs the request (PAN masked), answers it,
 * and turns a malformed request into a 30 (format error) and a fault into a 96 instead of
 * dropping the connection.
 */
abstract class IssuerListener implements ISORequestListener {

    private static final Logger log = LoggerFactory.getLogger(IssuerListener.class);
    /** The elements a format-error answer echoes, when the request had them. */
    private static final int[] ECHOED = {2, 3, 4, 7, 11, 32, 37, 41, 42, 49, 70, 90};

    private final Set<String> mtis;
    private final String endpointName;
    private final Delivery delivery;

    IssuerListener(String endpointName, Delivery delivery, Mti... mtis) {
        this.endpointName = endpointName;
        this.delivery = delivery;
        this.mtis = Arrays.stream(mtis).map(Mti::value).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public final boolean process(ISOSource source, ISOMsg request) {
        if (!handles(request.getString(0))) {
            return false;
        }
        log.info("{} received {}", endpointName, MaskedMessage.describe(request));
        ISOMsg answer;
        Behaviour behaviour = Behaviour.NORMAL;
        try {
            answer = answer(request);
            behaviour = behaviour(request);
        } catch (PackagingException e) {
            log.warn("{} malformed request: {}", endpointName, e.getMessage());
            answer = refusal(request, ResponseCode.FORMAT_ERROR);
        } catch (RuntimeException e) {
            log.error("{} failed on {}", endpointName, MaskedMessage.describe(request), e);
            answer = refusal(request, ResponseCode.SYSTEM_MALFUNCTION);
        }
        if (answer != null) {
            delivery.deliver(source, request, answer, behaviour);
        }
        return true;
    }

    /** The endpoint (network) this listener serves; STANs and DE 90 are unique per network only. */
    final String endpointName() {
        return endpointName;
    }

    boolean handles(String mti) {
        return mtis.contains(mti);
    }

    /** The answer to a well-formed request of this listener's MTIs. */
    abstract ISOMsg answer(ISOMsg request);

    /** How the answer to a well-formed request goes out; card requests follow their card's behaviour. */
    Behaviour behaviour(ISOMsg request) {
        return Behaviour.NORMAL;
    }

    /** An answer echoing what the request had, or null when the request is not a request MTI. */
    static ISOMsg refusal(ISOMsg request, ResponseCode responseCode) {
        Mti mti;
        try {
            mti = Mti.parse(request.getString(0));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!mti.isRequest()) {
            return null;
        }
        ISOMsg answer = new ISOMsg();
        answer.set(0, mti.responseMti().value());
        for (int field : ECHOED) {
            if (request.hasField(field)) {
                answer.set(field, request.getString(field));
            }
        }
        answer.set(39, responseCode.code());
        return answer;
    }
}
