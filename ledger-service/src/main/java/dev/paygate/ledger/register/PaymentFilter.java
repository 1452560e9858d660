package dev.paygate.ledger.register;

import java.time.Instant;

/**
 * What a merchant looks for among its payments; every part is optional (null) and all given parts must match.
 *
 * @param text             one of the payment's ids, exactly: ticket, order, customer, the merchant's serial, the
 *                         register serial, or the card network's RRN, approval code or STAN
 * @param registeredFrom   registered at or after this instant
 * @param registeredBefore registered before this instant
 */
public record PaymentFilter(String text, RegisterStatus status, SettlementPath path, Instant registeredFrom,
                            Instant registeredBefore) {

    public static final int TEXT_LENGTH_MAX = 200;
    public static final PaymentFilter ANY = new PaymentFilter(null, null, null, null, null);

    public PaymentFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > TEXT_LENGTH_MAX) {
            throw new IllegalArgumentException("a search text has at most " + TEXT_LENGTH_MAX + " characters");
        }
        if (registeredFrom != null && registeredBefore != null && !registeredFrom.isBefore(registeredBefore)) {
            throw new IllegalArgumentException("registeredFrom must be before registeredBefore");
        }
    }
}
