package dev.paygate.routes.order;

import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterOrder;
import java.time.Instant;
import java.util.Map;

/** Between the pipeline's orders and decisions and the register's rows. */
public final class Decisions {

    /** Short, true, and safe to show a customer; the reason code is what programs read. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("insufficient_funds", "The balance is not enough for this payment."),
            Map.entry("over_limit", "This payment is over a limit on the account or card."),
            Map.entry("card_declined", "The card issuer declined the payment."),
            Map.entry("card_expired", "The card on file has expired."),
            Map.entry("invalid_card", "The card on file is not known to its issuer."),
            Map.entry("not_permitted", "The card may not be used for this payment."),
            Map.entry("card_restricted", "The card is restricted."),
            Map.entry("incorrect_pin", "The card issuer refused the cardholder verification."),
            Map.entry("issuer_unavailable", "The card network did not answer in time; nothing was charged."),
            Map.entry("system_error", "The card network reported an error; nothing was charged."),
            Map.entry("no_card_on_file", "No card is enrolled for this customer."),
            Map.entry("card_not_supported", "No card network accepts this card."),
            Map.entry("unknown_customer", "The customer is not known."),
            Map.entry("unknown_merchant", "The merchant is not known."),
            Map.entry("customer_blocked", "The customer's account is blocked."),
            Map.entry("currency_mismatch", "The payment's currency does not match the account."));

    private Decisions() {
    }

    public static RegisterOrder toRegisterOrder(PaymentOrder order) {
        return new RegisterOrder(order.ticketId(), order.merchantId(), order.customerId(), order.orderId(),
                order.amountMinor(), order.vatMinor(), order.currency(), order.merchantSerial(),
                order.items().stream()
                        .map(item -> new OrderItem(item.ref(), item.label(), item.quantity(), item.amountMinor()))
                        .toList(),
                order.authenticatedAt());
    }

    public static Decision of(RegisterEntry entry) {
        Instant decidedAt = entry.completedAt() != null ? entry.completedAt() : entry.registeredAt();
        String path = entry.path().code();
        return switch (entry.status()) {
            case APPROVED -> new Decision(entry.ticketId(), Decision.Outcome.APPROVED, path, entry.serial(),
                    entry.authCode(), entry.rrn(), null, null, decidedAt);
            case REFUSED -> refused(entry, path, entry.reason(), decidedAt);
            // A reversed card payment was never charged: to the customer it is an unanswered issuer.
            case REVERSED -> refused(entry, path, "issuer_unavailable", decidedAt);
            case PENDING -> Decision.pending(entry.ticketId(), decidedAt);
        };
    }

    private static Decision refused(RegisterEntry entry, String path, String reason, Instant decidedAt) {
        return new Decision(entry.ticketId(), Decision.Outcome.REFUSED, path, entry.serial(), null, entry.rrn(),
                reason, MESSAGES.getOrDefault(reason, "The payment was refused."), decidedAt);
    }
}
