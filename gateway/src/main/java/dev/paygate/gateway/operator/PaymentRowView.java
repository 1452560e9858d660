package dev.paygate.gateway.operator;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.routes.account.HistoryEntry;
import java.util.Locale;

/**
 * One register entry in the console's payment list.
 *
 * @param registeredAt ISO-8601 UTC instant
 * @param merchantName the merchant's registered name; its id when none is known
 * @param amount       the amount for people, e.g. {@code €12.50}
 * @param status       {@code approved}, {@code refused}, {@code pending} or {@code reversed}
 */
record PaymentRowView(long serial, String ticketId, String registeredAt, String merchantId, String merchantName,
                      String customerId, String orderId, String amount, String path, String status, String reason,
                      String authCode, String rrn) {

    static PaymentRowView of(HistoryEntry entry, String merchantName) {
        return new PaymentRowView(entry.serial(), entry.ticketId(), OperatorTimes.text(entry.registeredAt()),
                entry.merchantId(), merchantName, entry.customerId(), entry.orderId(),
                MoneyFormat.format(entry.amountMinor(), entry.currency(), Locale.ENGLISH), entry.path(),
                entry.status().toLowerCase(Locale.ROOT), entry.reason(), entry.authCode(), entry.rrn());
    }
}
