package dev.paygate.gateway.payment;

import dev.paygate.merchant.refusal.RefusalReason;

/**
 * The one place where the back unit's refusal vocabulary (ledger-service's {@code RefusalReason}, which the back
 * unit's decisions carry by code) becomes the public one that merchants and customers see (merchant-kit's
 * {@link RefusalReason}, the codes of docs/formats.md). The public vocabulary is the canonical one: every ledger
 * reason maps to one of its constants, and this switch stops compiling when the ledger gains a reason.
 */
final class BackUnitReasons {

    private BackUnitReasons() {
    }

    static RefusalReason publicReason(dev.paygate.ledger.RefusalReason reason) {
        return switch (reason) {
            case UNKNOWN_CUSTOMER -> RefusalReason.UNKNOWN_CUSTOMER;
            case UNKNOWN_MERCHANT -> RefusalReason.UNKNOWN_MERCHANT;
            case CUSTOMER_BLOCKED -> RefusalReason.CUSTOMER_BLOCKED;
            case CURRENCY_MISMATCH -> RefusalReason.CURRENCY_MISMATCH;
            case INSUFFICIENT_FUNDS -> RefusalReason.INSUFFICIENT_FUNDS;
            case OVER_LIMIT -> RefusalReason.OVER_LIMIT;
            case NO_CARD_ON_FILE -> RefusalReason.NO_CARD_ON_FILE;
            case CARD_NOT_SUPPORTED -> RefusalReason.CARD_NOT_SUPPORTED;
            case CARD_DECLINED -> RefusalReason.CARD_DECLINED;
            case INVALID_CARD -> RefusalReason.INVALID_CARD;
            case CARD_EXPIRED -> RefusalReason.CARD_EXPIRED;
            case INCORRECT_PIN -> RefusalReason.INCORRECT_PIN;
            case NOT_PERMITTED -> RefusalReason.NOT_PERMITTED;
            case CARD_RESTRICTED -> RefusalReason.CARD_RESTRICTED;
            case FORMAT_ERROR -> RefusalReason.FORMAT_ERROR;
            case ISSUER_UNAVAILABLE -> RefusalReason.ISSUER_UNAVAILABLE;
            case PAYMENT_EXPIRED -> RefusalReason.PAYMENT_EXPIRED;
            case SYSTEM_ERROR -> RefusalReason.SYSTEM_ERROR;
            // Reasons of refunds and enrollment never end a payment: if one did, the server failed.
            case UNKNOWN_TICKET, NOT_REFUNDABLE, EXCEEDS_PAID_AMOUNT, IDEMPOTENCY_CONFLICT -> RefusalReason.SYSTEM_ERROR;
        };
    }

    /**
     * A decision's reason code: the ledger's reasons mapped as above; a screening step's own well-formed code (the
     * integrator's, e.g. a fraud rule's) passed on as it is.
     *
     * @throws IllegalArgumentException when the code is not a well-formed reason code
     */
    static RefusalReason ofDecision(String code) {
        return dev.paygate.ledger.RefusalReason.ofCode(code)
                .map(BackUnitReasons::publicReason)
                .orElseGet(() -> RefusalReason.of(code));
    }
}
