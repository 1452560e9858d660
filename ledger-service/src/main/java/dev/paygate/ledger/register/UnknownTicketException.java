package dev.paygate.ledger.register;

import dev.paygate.ledger.LedgerException;

/** An operation named a ticket the register has never seen. */
public final class UnknownTicketException extends LedgerException {

    public UnknownTicketException(String ticketId) {
        super("no register entry for ticket " + ticketId);
    }
}
