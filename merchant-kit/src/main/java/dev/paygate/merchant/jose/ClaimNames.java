package dev.paygate.merchant.jose;

/**
 * Claim names of the public formats (docs/formats.md). Merchants and the gateway both read and
 * write tokens through these constants, so a name exists in exactly one place.
 */
public final class ClaimNames {

    public static final String MERCHANT_ID = "mid";
    public static final String CUSTOMER_ID = "cid";
    public static final String ORDER_ID = "oid";
    public static final String TICKET_TYPE = "type";
    public static final String ITEMS = "items";
    public static final String ITEM_REF = "ref";
    public static final String ITEM_LABEL = "label";
    public static final String ITEM_QUANTITY = "qty";
    /** In a ticket or voucher: the total; in an item: the unit price. Always minor units. */
    public static final String AMOUNT_MINOR = "amountMinor";
    public static final String VAT_MINOR = "vatMinor";
    public static final String CURRENCY = "currency";
    /** The merchant's own sales-register serial, copied from ticket to voucher. */
    public static final String SERIAL = "serial";
    public static final String RETURN_URL = "returnUrl";
    public static final String CANCEL_URL = "cancelUrl";

    public static final String VOUCHER_ID = "vid";
    public static final String TICKET_ID_REFERENCE = "tid";
    /** The payment server's transaction register serial (a number). */
    public static final String REGISTER = "register";
    public static final String SETTLEMENT_PATH = "path";
    public static final String AUTHORIZATION_CODE = "authCode";
    public static final String RRN = "rrn";

    public static final String REASON = "reason";
    public static final String MESSAGE = "message";

    /** Registered JWT claims (RFC 7519 section 4.1). */
    public static final String ISSUED_AT = "iat";
    public static final String EXPIRES_AT = "exp";
    /** In a ticket, the ticket id. */
    public static final String JWT_ID = "jti";

    private ClaimNames() {
    }
}
