package dev.paygate.ledger;

import java.util.Optional;

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
    EXCEEDS_PAID_AMOUNT("exceeds_paid_amount"),
    /** An idempotency key used again for a different request. */
    IDEMPOTENCY_CONFLICT("idempotency_conflict"),
    // The card path: what the back unit found before sending, or what the issuer's DE 39 said.
    NO_CARD_ON_FILE("no_card_on_file"),
    /** No configured network's BIN range holds the card. */
    CARD_NOT_SUPPORTED("card_not_supported"),
    CARD_DECLINED("card_declined"),
    INVALID_CARD("invalid_card"),
    CARD_EXPIRED("card_expired"),
    INCORRECT_PIN("incorrect_pin"),
    NOT_PERMITTED("not_permitted"),
    CARD_RESTRICTED("card_restricted"),
    FORMAT_ERROR("format_error"),
    /** The network did not answer, is not connected, or the issuer is down: nothing was charged. */
    ISSUER_UNAVAILABLE("issuer_unavailable"),
    /** The order was read after its life ended: refused unseen, nothing charged. */
    PAYMENT_EXPIRED("payment_expired"),
    SYSTEM_ERROR("system_error");

    private final String code;

    RefusalReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The reason with this code; empty for a code the ledger does not produce (a screening step's own). */
    public static Optional<RefusalReason> ofCode(String code) {
        for (RefusalReason reason : values()) {
            if (reason.code.equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
