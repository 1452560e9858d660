package dev.paygate.gateway.operator;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.ledger.register.RegisterEntry;
import java.util.Locale;

/**
 * A refused payment from the transaction register.
 *
 * @param registeredAt ISO-8601 UTC instant
 * @param amount       the amount for people, e.g. {@code €12.50}
 * @param path         {@code wallet}, {@code card} or {@code auth-only}
 */
record RefusalView(long serial, String registeredAt, String merchantId, String customerId, String orderId,
                   String amount, String path, String reason) {

    static RefusalView of(RegisterEntry entry) {
        return new RefusalView(entry.serial(), OperatorTimes.text(entry.registeredAt()), entry.merchantId(),
                entry.customerId(), entry.orderId(),
                MoneyFormat.format(entry.amountMinor(), entry.currency(), Locale.ENGLISH), entry.path().code(),
                entry.reason());
    }
}
