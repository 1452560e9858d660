package dev.paygate.ledger.register;

import dev.paygate.ledger.RefusalReason;

/**
 * The outcome of a refund.
 *
 * @param reason   why nothing moved; null when approved
 * @param refundId the refund; null when refused
 * @param replayed true when the idempotency key had already refunded and this call moved nothing
 */
public record RefundOutcome(boolean approved, RefusalReason reason, Long refundId, boolean replayed) {

    static RefundOutcome refused(RefusalReason reason) {
        return new RefundOutcome(false, reason, null, false);
    }
}
