package dev.paygate.routes.reversal;

import java.time.Instant;

/**
 * A reversal waiting in the store-and-forward queue: what DE 90 needs of the original request, and the
 * reversal's own trace. The PAN is not here; {@code cardToken} finds the card in the vault again.
 *
 * @param transactionType  the first two digits of the original's processing code (DE 3): "00" or "20"
 * @param registerTicketId the register entry the original belongs to; null for a wallet top-up's charge
 * @param transmissions    how often the reversal has gone out: none yet means the next is the first (0420),
 *                         any means the next is a repeat (0421)
 */
public record PendingReversal(
        long id,
        String ticketId,
        String network,
        String customerId,
        String cardToken,
        String originalMti,
        String transactionType,
        long amountMinor,
        String currency,
        int originalStan,
        Instant originalTransmittedAt,
        String acquirerId,
        String rrn,
        String terminalId,
        String acceptorId,
        int reversalStan,
        Instant reversalTransmittedAt,
        int attempts,
        String registerTicketId,
        int transmissions) {
}
