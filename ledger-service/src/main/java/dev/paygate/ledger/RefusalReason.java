package dev.paygate.ledger;

import java.util.Locale;
import java.util.Optional;

/**
 * Why the ledger refused to move money. The codes are stable: they travel to the front unit, the
 * merchant and the register.
 */
public enum RefusalReason {
    INSUFFICIENT_FUNDS,
    /** The credit would take a wallet above its balance cap. */
    OVER_LIMIT,
    UNKNOWN_CUSTOMER,
    UNKNOWN_MERCHANT,
    CURRENCY_MISMATCH,
    CUSTOMER_BLOCKED,
    UNKNOWN_TICKET,
    /** Only approved wallet and card payments can be refunded. */
    NOT_REFUNDABLE,
    /** The refunds of a payment would add up to more than was paid. */
    EXCEEDS_PAID_AMOUNT,
    /** An idempotency key used again for a different request. */
    IDEMPOTENCY_CONFLICT,
    // The card path: what the back unit found before sending, or what the issuer's DE 39 said.
    NO_CARD_ON_FILE,
    /** No configured network's BIN range holds the card. */
    CARD_NOT_SUPPORTED,
    CARD_DECLINED,
    INVALID_CARD,
    CARD_EXPIRED,
    INCORRECT_PIN,
    NOT_PERMITTED,
    CARD_RESTRICTED,
    FORMAT_ERROR,
    /** The network did not answer, is not connected, or the issuer is down: nothing was charged. */
    ISSUER_UNAVAILABLE,
    /** The order was read after its life ended: refused unseen, nothing charged. */
    PAYMENT_EXPIRED,
    SYSTEM_ERROR;

    /** The constant's name in lower case. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this code; empty for a code the ledger does not produce (a screening step's own). */
    public static Optional<RefusalReason> ofCode(String code) {
        for (RefusalReason reason : values()) {
            if (reason.code().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
