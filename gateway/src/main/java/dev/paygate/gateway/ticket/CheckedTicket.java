package dev.paygate.gateway.ticket;

import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import java.net.URI;
import java.util.Optional;

/** What {@link TicketCheck} found. */
public sealed interface CheckedTicket {

    /** Signed by a registered merchant key and well-formed: its ids and URLs can be trusted. */
    sealed interface Genuine extends CheckedTicket {
        Ticket ticket();

        String merchantName();
    }

    /** Genuine and not expired: it may be paid. */
    record Valid(Ticket ticket, String merchantName) implements Genuine {
    }

    /** Genuine but expired: refused with a signed {@code ticket_expired}; it can still be cancelled. */
    record Expired(Ticket ticket, String merchantName) implements Genuine {
    }

    /**
     * Signed by the merchant's active key, but its claims break a rule (a basket that does not add up, times out
     * of bounds): refused as {@code reason}, and since the signature vouches for its ids and cancel URL, the
     * signed refusal goes there.
     *
     * @param explanation what is wrong, for the merchant and the customer; names no claim value
     */
    record Invalid(String ticketId, String merchantId, String orderId, URI cancelUrl, String merchantName,
                   RefusalReason reason, String explanation) implements CheckedTicket {
    }

    /**
     * Nothing can be carried back through this ticket: undecodable, from an unknown merchant, not signed by the
     * merchant's active key, or signed but with ids or URLs that cannot be used. {@code sender} is the merchant
     * it names, when its kid resolves to one of that merchant's keys: that merchant is told, and the customer
     * is offered its registered shop address; never a URL from the ticket.
     */
    record Rejected(RefusalReason reason, Optional<Sender> sender) implements CheckedTicket {
    }

    /**
     * The merchant a rejected ticket names, found by its kid.
     *
     * @param signatureVerified the merchant's active key verified the signature: the ticket is the merchant's
     *                          own, only unusable; false when it could not be verified as the merchant's
     * @param explanation       why it was refused, for the merchant; names no claim value
     * @param ticketId          the {@code jti} as sent, when it is a clean id
     * @param orderId           the {@code oid} as sent, when it is a clean id
     */
    record Sender(String merchantId, String merchantName, String keyId, boolean signatureVerified, String explanation,
                  Optional<String> ticketId, Optional<String> orderId) {
    }
}
