package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;

/** A reversal is sent as a request (0400, answered 0410) or as an advice (0420, answered 0430). */
public enum ReversalKind {

    /** 0400: the acquirer asks the issuer to undo a transaction. */
    REVERSAL(Mti.REVERSAL_REQUEST),
    /** 0420: the acquirer tells the issuer a transaction is undone, e.g. after a timeout; stored and forwarded until acknowledged. */
    ADVICE(Mti.REVERSAL_ADVICE);

    private final Mti requestMti;

    ReversalKind(Mti requestMti) {
        this.requestMti = requestMti;
    }

    public Mti requestMti() {
        return requestMti;
    }

    /** 0410 or 0430. */
    public Mti responseMti() {
        return requestMti.responseMti();
    }

    /** The MTI of this kind sent again until answered: 0401 or 0421. */
    public Mti repeatMti() {
        return requestMti.repeat();
    }

    static ReversalKind ofRequest(Mti mti) {
        return mti.withoutRepeat().equals(Mti.REVERSAL_ADVICE) ? ADVICE : REVERSAL;
    }

    static ReversalKind ofResponse(Mti mti) {
        return mti.equals(Mti.REVERSAL_ADVICE_RESPONSE) ? ADVICE : REVERSAL;
    }
}
