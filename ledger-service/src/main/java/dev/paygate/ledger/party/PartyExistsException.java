package dev.paygate.ledger.party;

import dev.paygate.ledger.LedgerException;

/** A customer or merchant id is already taken. */
public final class PartyExistsException extends LedgerException {

    public PartyExistsException(String kind, String id) {
        super(kind + " " + id + " already exists");
    }
}
