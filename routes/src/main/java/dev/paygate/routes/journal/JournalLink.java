package dev.paygate.routes.journal;

import java.util.Objects;

/**
 * What a journaled message belongs to, fixed when the message is exchanged, never worked out later from its
 * STAN: the register entry's ticket and the card request (the id its reversal is kept under).
 *
 * @param ticketId   the register entry's ticket; null for a card request with no entry (a wallet top-up's charge)
 * @param exchangeId the card request's reversal ticket id: the ticket id itself for a payment's authorization
 */
public record JournalLink(String ticketId, String exchangeId) {

    public JournalLink {
        Objects.requireNonNull(exchangeId, "exchangeId");
    }
}
