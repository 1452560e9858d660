package dev.paygate.gateway.payment;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** What the customer reads for each refusal reason, and the HTTP status of the page that says it. */
final class RefusalMessages {

    private record Wording(String message, HttpStatus status) {
    }

    private static final Map<RefusalReason, Wording> WORDINGS = Map.ofEntries(
            Map.entry(RefusalReason.INVALID_TICKET, new Wording(
                    "This payment link is not valid. Please go back to the shop and start the payment again.",
                    HttpStatus.BAD_REQUEST)),
            Map.entry(RefusalReason.UNKNOWN_MERCHANT, new Wording(
                    "This payment link comes from a shop that is not registered with this payment service.",
                    HttpStatus.BAD_REQUEST)),
            Map.entry(RefusalReason.BAD_SIGNATURE, new Wording(
                    "This payment link was changed after the shop signed it, so it cannot be paid.",
                    HttpStatus.BAD_REQUEST)),
            Map.entry(RefusalReason.TICKET_EXPIRED, new Wording(
                    "This payment link has expired. Please go back to the shop and start the payment again.",
                    HttpStatus.GONE)),
            Map.entry(RefusalReason.TICKET_USED, new Wording(
                    "This payment link has already been used. A payment is never taken twice.",
                    HttpStatus.CONFLICT)),
            Map.entry(RefusalReason.CANCELLED, new Wording(
                    "You cancelled the payment. Nothing was charged.",
                    HttpStatus.OK)),
            Map.entry(RefusalReason.AUTH_FAILED, new Wording(
                    "The customer id or the password is not correct. After too many attempts, wait a few minutes,"
                            + " or contact customer support if it goes on. Nothing was charged.",
                    HttpStatus.FORBIDDEN)),
            Map.entry(RefusalReason.CUSTOMER_LOCKED, new Wording(
                    "Your account is locked after too many wrong passwords. Please contact customer support.",
                    HttpStatus.FORBIDDEN)),
            Map.entry(RefusalReason.INSUFFICIENT_FUNDS, new Wording(
                    "There is not enough money for this payment. Nothing was charged.",
                    HttpStatus.PAYMENT_REQUIRED)),
            Map.entry(RefusalReason.OVER_LIMIT, new Wording(
                    "This payment is over a limit set on your account. Nothing was charged.",
                    HttpStatus.PAYMENT_REQUIRED)),
            Map.entry(RefusalReason.CARD_DECLINED, new Wording(
                    "Your card issuer declined the payment. Nothing was charged.",
                    HttpStatus.PAYMENT_REQUIRED)),
            Map.entry(RefusalReason.CARD_EXPIRED, new Wording(
                    "The card on your account has expired. Nothing was charged.",
                    HttpStatus.PAYMENT_REQUIRED)),
            Map.entry(RefusalReason.PAYMENT_EXPIRED, new Wording(
                    "Your payment could not be processed in time. Nothing was charged; please start again from the shop.",
                    HttpStatus.SERVICE_UNAVAILABLE)),
            Map.entry(RefusalReason.SYSTEM_ERROR, new Wording(
                    "Something went wrong on our side. Nothing was charged; please try again later.",
                    HttpStatus.SERVICE_UNAVAILABLE)),
            Map.entry(RefusalReason.ISSUER_UNAVAILABLE, new Wording(
                    "Your card issuer could not be reached. Nothing was charged; please try again later.",
                    HttpStatus.SERVICE_UNAVAILABLE)));

    /** Where the same reason means different money, each settlement path says whose it was. */
    private static final Map<SettlementPath, Map<RefusalReason, String>> BY_PATH = Map.of(
            SettlementPath.WALLET, Map.of(
                    RefusalReason.INSUFFICIENT_FUNDS,
                    "Your wallet does not hold enough money for this payment. Nothing was charged.",
                    RefusalReason.OVER_LIMIT,
                    "This payment is over a limit set on your wallet. Nothing was charged."),
            SettlementPath.CARD, Map.of(
                    RefusalReason.INSUFFICIENT_FUNDS,
                    "Your card issuer reports too little available for this payment. Nothing was charged.",
                    RefusalReason.OVER_LIMIT,
                    "This payment is over a limit set on your card. Nothing was charged."));

    private static final Wording OTHER = new Wording("The payment was refused. Nothing was charged.",
            HttpStatus.PAYMENT_REQUIRED);

    private RefusalMessages() {
    }

    static String message(RefusalReason reason) {
        return WORDINGS.getOrDefault(reason, OTHER).message();
    }

    /** The back unit's refusals also say which money was short: the wallet's or the card's. */
    static String message(RefusalReason reason, SettlementPath path) {
        String onPath = path == null ? null : BY_PATH.getOrDefault(path, Map.of()).get(reason);
        return onPath != null ? onPath : message(reason);
    }

    /** A genuine ticket refused for its claims: the merchant's own mistake, so the refusal says which. */
    static String explained(RefusalReason reason, String explanation) {
        String message = "This payment link is not valid (" + explanation + "). Please go back to the shop and start"
                + " the payment again.";
        return message.length() <= Refusal.MESSAGE_LENGTH_MAX ? message : message(reason);
    }

    static HttpStatus status(RefusalReason reason) {
        return WORDINGS.getOrDefault(reason, OTHER).status();
    }
}
