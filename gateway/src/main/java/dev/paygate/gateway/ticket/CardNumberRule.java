package dev.paygate.gateway.ticket;

import dev.paygate.gateway.security.CardNumbers;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketItem;
import java.util.Optional;

/**
 * Merchant free text is stored and shown (order id, register serial, item references and labels): a card number
 * in it would be kept in clear, so such a ticket is refused before anything of it is stored.
 */
final class CardNumberRule {

    private CardNumberRule() {
    }

    /** The claim that holds a card number, or empty. */
    static Optional<String> violation(Ticket ticket) {
        if (CardNumbers.containsCardNumber(ticket.orderId())) {
            return Optional.of("a card number in oid");
        }
        if (CardNumbers.containsCardNumber(ticket.serial())) {
            return Optional.of("a card number in serial");
        }
        for (int index = 0; index < ticket.items().size(); index++) {
            TicketItem item = ticket.items().get(index);
            if (CardNumbers.containsCardNumber(item.ref()) || CardNumbers.containsCardNumber(item.label())) {
                return Optional.of("a card number in items[" + index + "]");
            }
        }
        return Optional.empty();
    }
}
