package dev.paygate.gateway.payment;

import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.ticket.TicketCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see a payment's status (and so its voucher): the browser that confirmed it, remembered in its session
 * (whose cookie the confirm set or renewed), or whoever holds the genuine ticket itself. Knowing a ticket id is
 * not enough.
 */
@Component
class StatusAccess {

    private static final String CONFIRMED_TICKETS = "paygate.payment.confirmed-tickets";
    /** Ticket ids one browser session remembers; the oldest is forgotten first. */
    private static final int CONFIRMED_TICKETS_MAX = 20;

    private final TicketCheck ticketCheck;

    StatusAccess(TicketCheck ticketCheck) {
        this.ticketCheck = ticketCheck;
    }

    void grant(HttpServletRequest request, String ticketId) {
        HttpSession session = request.getSession(true);
        Set<String> confirmed = new LinkedHashSet<>(confirmedIn(session));
        confirmed.add(ticketId);
        while (confirmed.size() > CONFIRMED_TICKETS_MAX) {
            confirmed.remove(confirmed.iterator().next());
        }
        session.setAttribute(CONFIRMED_TICKETS, confirmed);
    }

    boolean allows(HttpServletRequest request, String ticketId, String compactTicket) {
        HttpSession session = request.getSession(false);
        if (session != null && confirmedIn(session).contains(ticketId)) {
            return true;
        }
        return compactTicket != null && ticketCheck.check(compactTicket) instanceof CheckedTicket.Genuine genuine
                && genuine.ticket().ticketId().equals(ticketId);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> confirmedIn(HttpSession session) {
        Object confirmed = session.getAttribute(CONFIRMED_TICKETS);
        return confirmed instanceof Set<?> ids ? (Set<String>) ids : Set.of();
    }
}
