package dev.paygate.routes.account;

import dev.paygate.ledger.register.RegisterEntry;
import java.time.Instant;

/** One register entry as customers and merchants see it: no card data beyond the network's references. */
public record HistoryEntry(
        long serial,
        String ticketId,
        Instant registeredAt,
        String merchantId,
        String customerId,
        String orderId,
        long amountMinor,
        String currency,
        String path,
        String status,
        String reason,
        long refundedMinor,
        String authCode,
        String rrn) {

    static HistoryEntry of(RegisterEntry entry) {
        return new HistoryEntry(entry.serial(), entry.ticketId(), entry.registeredAt(), entry.merchantId(),
                entry.customerId(), entry.orderId(), entry.amountMinor(), entry.currency(), entry.path().code(),
                entry.status().name(), entry.reason(), entry.refundedMinor(), entry.authCode(), entry.rrn());
    }
}
