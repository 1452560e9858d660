package dev.paygate.merchant.refusal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A refusal's stable reason code. An open set: the constants are the codes the payment server sends
 * today, and {@link #of(String)} accepts any other well-formed code so a merchant on an older kit still
 * reads refusals from a newer server. Compare with {@code equals}.
 */
public record RefusalReason(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    // Ticket checks at the front unit.
    public static final RefusalReason INVALID_TICKET = new RefusalReason("invalid_ticket");
    public static final RefusalReason UNKNOWN_MERCHANT = new RefusalReason("unknown_merchant");
    public static final RefusalReason BAD_SIGNATURE = new RefusalReason("bad_signature");
    public static final RefusalReason TICKET_EXPIRED = new RefusalReason("ticket_expired");
    public static final RefusalReason TICKET_USED = new RefusalReason("ticket_used");
    // Customer side.
    public static final RefusalReason CANCELLED = new RefusalReason("cancelled");
    public static final RefusalReason AUTH_FAILED = new RefusalReason("auth_failed");
    public static final RefusalReason CUSTOMER_LOCKED = new RefusalReason("customer_locked");
    // Back unit: parties and wallet.
    public static final RefusalReason UNKNOWN_CUSTOMER = new RefusalReason("unknown_customer");
    public static final RefusalReason CUSTOMER_BLOCKED = new RefusalReason("customer_blocked");
    public static final RefusalReason CURRENCY_MISMATCH = new RefusalReason("currency_mismatch");
    public static final RefusalReason INSUFFICIENT_FUNDS = new RefusalReason("insufficient_funds");
    public static final RefusalReason OVER_LIMIT = new RefusalReason("over_limit");
    // Back unit: card network.
    public static final RefusalReason NO_CARD_ON_FILE = new RefusalReason("no_card_on_file");
    public static final RefusalReason CARD_NOT_SUPPORTED = new RefusalReason("card_not_supported");
    public static final RefusalReason INCORRECT_PIN = new RefusalReason("incorrect_pin");
    public static final RefusalReason FORMAT_ERROR = new RefusalReason("format_error");
    public static final RefusalReason CARD_DECLINED = new RefusalReason("card_declined");
    public static final RefusalReason CARD_EXPIRED = new RefusalReason("card_expired");
    public static final RefusalReason INVALID_CARD = new RefusalReason("invalid_card");
    public static final RefusalReason CARD_RESTRICTED = new RefusalReason("card_restricted");
    public static final RefusalReason NOT_PERMITTED = new RefusalReason("not_permitted");
    public static final RefusalReason ISSUER_UNAVAILABLE = new RefusalReason("issuer_unavailable");
    public static final RefusalReason SYSTEM_ERROR = new RefusalReason("system_error");
    /** The order was not decided within its life (the ticket's validity, at least the server's wait): nothing was charged. */
    public static final RefusalReason PAYMENT_EXPIRED = new RefusalReason("payment_expired");

    public RefusalReason {
        Objects.requireNonNull(code, "reason");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reason: '" + code + "' is not a code of a-z, 0-9 and _ (at most 64)");
        }
    }

    public static RefusalReason of(String code) {
        return new RefusalReason(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
