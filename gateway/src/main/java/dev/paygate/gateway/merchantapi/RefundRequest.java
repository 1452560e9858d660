package dev.paygate.gateway.merchantapi;

import java.util.Optional;

/** @param idempotencyKey unique per refund the merchant means; a retry sends the same key */
record RefundRequest(String ticketId, Long amountMinor, String idempotencyKey) {

    private static final int ID_LENGTH_MAX = 200;

    Optional<String> problem() {
        if (ticketId == null || ticketId.isBlank() || ticketId.length() > ID_LENGTH_MAX) {
            return Optional.of("ticketId is required (at most " + ID_LENGTH_MAX + " characters).");
        }
        if (amountMinor == null || amountMinor <= 0) {
            return Optional.of("amountMinor must be a positive whole number of minor units.");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > ID_LENGTH_MAX) {
            return Optional.of("idempotencyKey is required (at most " + ID_LENGTH_MAX + " characters).");
        }
        return Optional.empty();
    }

    static String explain(String reason) {
        return switch (reason) {
            case "exceeds_paid_amount" -> "The refunds would add up to more than was paid.";
            case "idempotency_conflict" -> "This idempotency key was already used for another refund.";
            case "unknown_ticket" -> "No payment with this ticket id for this merchant.";
            case "issuer_unavailable" -> "The card network did not answer the credit in time; nothing was refunded. Try again.";
            case "no_card_on_file" -> "The customer's card is no longer on file; refund another way.";
            case "not_refundable" -> "Only approved payments can be refunded.";
            default -> "The refund was refused.";
        };
    }
}
