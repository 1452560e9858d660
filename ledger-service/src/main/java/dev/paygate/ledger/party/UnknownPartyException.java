package dev.paygate.ledger.party;

import dev.paygate.ledger.LedgerException;

/** A change was asked for a customer or merchant the ledger does not know. */
public final class UnknownPartyException extends LedgerException {

    public UnknownPartyException(String kind, String id) {
        super("no " + kind + " " + id);
    }
}
