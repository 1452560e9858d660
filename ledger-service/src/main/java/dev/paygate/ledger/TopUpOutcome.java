package dev.paygate.ledger;

/**
 * The outcome of a wallet top-up.
 *
 * @param reason     why nothing moved; null when approved
 * @param transferId the top-up's transfer; null when refused
 * @param replayed   true when the idempotency key had already topped the wallet up and this call moved nothing
 */
public record TopUpOutcome(boolean approved, RefusalReason reason, Long transferId, boolean replayed) {

    static TopUpOutcome of(TransferResult result) {
        return switch (result) {
            case TransferResult.Posted posted -> new TopUpOutcome(true, null, posted.transfer().transferId(),
                    posted.replayed());
            case TransferResult.Refused refused -> refused(refused.reason());
        };
    }

    static TopUpOutcome refused(RefusalReason reason) {
        return new TopUpOutcome(false, reason, null, false);
    }
}
