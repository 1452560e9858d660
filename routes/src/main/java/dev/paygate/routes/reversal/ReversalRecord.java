package dev.paygate.routes.reversal;

import java.time.Instant;

/**
 * A reversal as operators see it in the store-and-forward queue and in a payment's trail: what it reverses (the
 * original's MTI, STAN and RRN), how far it got, and why the last attempt failed. No card data.
 *
 * @param status          {@code HELD} (its request still awaits an answer), {@code PENDING} (due, being sent),
 *                        {@code ACKNOWLEDGED}, {@code CANCELLED} (the request was answered: not needed) or
 *                        {@code ABANDONED} (attempts exhausted: an operator settles it with the network)
 * @param transactionType the first two digits of the original's processing code (DE 3): "00" or "20"
 * @param nextAttemptAt   when a held or pending reversal is (re)sent next
 */
public record ReversalRecord(
        String ticketId,
        String network,
        String originalMti,
        String transactionType,
        long amountMinor,
        String currency,
        int originalStan,
        String rrn,
        int reversalStan,
        String status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant acknowledgedAt) {
}
