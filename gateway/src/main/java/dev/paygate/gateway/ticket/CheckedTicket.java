package dev.paygate.gateway.ticket;

import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;

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
     * Undecodable, from an unknown merchant, or not signed by the merchant's key: nothing in it can be
     * trusted, not even its cancel URL, so the refusal stays on our page.
     */
    record Rejected(RefusalReason reason) implements CheckedTicket {
    }
}
