package dev.paygate.ledger;

/**
 * Why the ledger refused to move money. The codes are stable: they travel to the front unit, the
 * merchant and the register.
 */
public enum RefusalReason {
    INSUFFICIENT_FUNDS("insufficient_funds"),
    /** The credit would take a wallet above its balance cap. */
    OVER_LIMIT("over_limit"),
    UNKNOWN_CUSTOMER("unknown_customer"),
    UNKNOWN_MERCHANT("unknown_merchant"),
    CURRENCY_MISMATCH("currency_mismatch"),
    CUSTOMER_BLOCKED("customer_blocked"),
    UNKNOWN_TICKET("unknown_ticket"),
    /** Only approved wallet and card payments can be refunded. */
    NOT_REFUNDABLE("not_refundable"),
    /** The refunds of a payment would add up to more than was paid. */
    EXCEEDS_PAID_AMOUNT("exceeds_paid_amount");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
