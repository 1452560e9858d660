package dev.paygate.routes.card;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.ledger.RefusalReason;
import java.util.Optional;

/**
 * The network's answer to a card request, read once for every operation: approved with its DE 38 approval
 * code, or refused with the reason its DE 39 maps to.
 *
 * @param refusal empty exactly when approved
 */
public record CardAnswer(Optional<String> approvalCode, Optional<RefusalReason> refusal, String rrn, Stan stan) {

    public static CardAnswer of(CardResponse response, Stan stan) {
        String rrn = response.keyFields().rrn().value();
        ResponseCode code = response.responseCode();
        if (code.isApproval() && response.approvalCode().isPresent()) {
            return new CardAnswer(response.approvalCode(), Optional.empty(), rrn, stan);
        }
        // An approval without its approval code cannot be captured or shown: treat it as the network's fault.
        RefusalReason reason = code.isApproval() ? RefusalReason.SYSTEM_ERROR : reasonOf(code);
        return new CardAnswer(Optional.empty(), Optional.of(reason), rrn, stan);
    }

    /** What a refusing DE 39 means to the customer and the merchant; the one place ISO codes become reasons. */
    static RefusalReason reasonOf(ResponseCode code) {
        return switch (code) {
            case INSUFFICIENT_FUNDS -> RefusalReason.INSUFFICIENT_FUNDS;
            case EXCEEDS_AMOUNT_LIMIT, EXCEEDS_FREQUENCY_LIMIT -> RefusalReason.OVER_LIMIT;
            case INVALID_CARD_NUMBER -> RefusalReason.INVALID_CARD;
            case EXPIRED_CARD -> RefusalReason.CARD_EXPIRED;
            case INCORRECT_PIN -> RefusalReason.INCORRECT_PIN;
            case NOT_PERMITTED_TO_CARDHOLDER -> RefusalReason.NOT_PERMITTED;
            case RESTRICTED_CARD -> RefusalReason.CARD_RESTRICTED;
            case FORMAT_ERROR -> RefusalReason.FORMAT_ERROR;
            case ISSUER_UNAVAILABLE -> RefusalReason.ISSUER_UNAVAILABLE;
            // 63: the issuer could not verify our MAC; a fault of the link, never of the card.
            case SYSTEM_MALFUNCTION, SECURITY_VIOLATION -> RefusalReason.SYSTEM_ERROR;
            case APPROVED, DO_NOT_HONOUR, UNRECOGNISED -> RefusalReason.CARD_DECLINED;
        };
    }

    public boolean approved() {
        return refusal.isEmpty();
    }
}
