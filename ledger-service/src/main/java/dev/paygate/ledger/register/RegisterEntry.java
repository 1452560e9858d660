package dev.paygate.ledger.register;

import java.time.Instant;

/**
 * One row of the transaction register.
 *
 * @param serial         the register serial: unique, increasing in registration order
 * @param reason         why it was refused; null unless {@link RegisterStatus#REFUSED}
 * @param network        the card network asked; null off the card path
 * @param authCode       DE 38 approval code, card path only
 * @param rrn            DE 37 retrieval reference number, card path only
 * @param stan           DE 11 system trace audit number, card path only
 * @param refundedMinor  how much of the payment has been refunded so far
 * @param lateOutcome    the network's answer to the card request after it had timed out and been reversed:
 *                       recorded, never paid; null if none came
 * @param completedAt    when the card network's answer or the reversal was recorded; null while pending
 */
public record RegisterEntry(
        long serial,
        String ticketId,
        SettlementPath path,
        RegisterStatus status,
        String reason,
        String merchantId,
        String customerId,
        String orderId,
        long amountMinor,
        long vatMinor,
        String currency,
        String merchantSerial,
        String network,
        String authCode,
        String rrn,
        String stan,
        long refundedMinor,
        LateOutcome lateOutcome,
        Instant authenticatedAt,
        Instant registeredAt,
        Instant completedAt) {

    public boolean approved() {
        return status == RegisterStatus.APPROVED;
    }
}
