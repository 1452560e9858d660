package dev.paygate.shop.paygate;

import dev.paygate.merchant.jose.TokenRejectedException;

/** A sentence for the customer per rejection code of a voucher or refusal the shop would not accept. */
final class RejectionExplanations {

    private RejectionExplanations() {
    }

    static String explain(TokenRejectedException rejected) {
        return switch (rejected.reason()) {
            case MALFORMED -> "This is not a well-formed Paygate token.";
            case UNKNOWN_KEY -> "It is signed with a key the payment server does not publish.";
            case KEYS_UNAVAILABLE -> "The payment server's keys could not be fetched to check it. "
                    + "Reload this page in a moment.";
            case BAD_SIGNATURE -> "Its signature does not verify: it was altered on the way or forged.";
            case EXPIRED -> "It has expired. If you were charged, contact us with your order id.";
            case MISMATCH -> "It does not belong to this order: its " + rejected.mismatchedClaim().orElse("content")
                    + " differs from the order's ticket.";
            case REPLAYED -> "It has been used before. An order is delivered once; a voucher cannot be used twice.";
        };
    }
}
