package dev.paygate.merchant.webhook;

import java.util.Objects;

/** A webhook delivery whose signature header does not prove it came from the payment server just now. */
public final class WebhookSignatureException extends Exception {

    public enum Reason {
        MALFORMED_HEADER,
        /** The timestamp is further from now than the tolerance: a replayed or badly delayed delivery. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        SIGNATURE_MISMATCH
    }

    private final Reason reason;

    WebhookSignatureException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
