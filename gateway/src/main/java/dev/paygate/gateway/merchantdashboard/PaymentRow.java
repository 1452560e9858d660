package dev.paygate.gateway.merchantdashboard;

import dev.paygate.routes.account.HistoryEntry;

/** One payment in a list, formatted for people; {@code status} and {@code path} stay codes for styling. */
record PaymentRow(String ticketId, String registeredAt, String orderId, String customerId, String amount,
                  String path, String status, String reason, String refunded) {

    static PaymentRow of(HistoryEntry entry, DashboardFormat format) {
        return new PaymentRow(entry.ticketId(), DashboardFormat.time(entry.registeredAt()), entry.orderId(),
                entry.customerId(), format.money(entry.amountMinor(), entry.currency()), entry.path(),
                entry.status(), entry.reason(),
                entry.refundedMinor() == 0 ? "" : format.money(entry.refundedMinor(), entry.currency()));
    }
}
