package dev.paygate.ledger.party;

import dev.paygate.ledger.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the customer and merchant records share: each change runs in one transaction and answers the party as
 * it stands after it; enrolling refuses an id already taken, and a party that is not there is an
 * {@link UnknownPartyException}.
 *
 * @param kind the party's kind in errors: {@code customer} or {@code merchant}
 */
record PartyRows<P>(Transactions transactions, String kind, Finder<P> finder) {

    @FunctionalInterface
    interface Finder<P> {
        Optional<P> find(Connection connection, String id) throws SQLException;
    }

    @FunctionalInterface
    interface Change {
        void run(Connection connection) throws SQLException;
    }

    Optional<P> find(String id) {
        return transactions.inTransaction(connection -> finder.find(connection, id));
    }

    /** Throws {@link PartyExistsException} if the id is taken, else runs the inserts. */
    P enroll(String id, Change inserts) {
        return transactions.inTransaction(connection -> {
            if (finder.find(connection, id).isPresent()) {
                throw new PartyExistsException(kind, id);
            }
            inserts.run(connection);
            return require(connection, id);
        });
    }

    P change(String id, Change change) {
        return transactions.inTransaction(connection -> {
            change.run(connection);
            return require(connection, id);
        });
    }

    private P require(Connection connection, String id) throws SQLException {
        return finder.find(connection, id).orElseThrow(() -> new UnknownPartyException(kind, id));
    }
}
