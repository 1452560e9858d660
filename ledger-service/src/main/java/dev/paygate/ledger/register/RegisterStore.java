package dev.paygate.ledger.register;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.TransferKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SQL for register rows, on the caller's transaction. */
final class RegisterStore {

    private static final String COLUMNS = "serial, ticket_id, path, status, reason, merchant_id, customer_id,"
            + " order_id, amount_minor, vat_minor, currency, merchant_serial, network, auth_code, rrn, stan,"
            + " refunded_minor, late_outcome_mti, late_outcome_response_code, late_outcome_approval_code,"
            + " late_outcome_at, authenticated_at, registered_at, completed_at";

    /** The entry and its basket lines in one statement (one round trip); no lines when the ticket is known. */
    private static final String INSERT = "with entry as (insert into ledger.register_entry (ticket_id, path, status,"
            + " reason, merchant_id, customer_id, order_id, amount_minor, vat_minor, currency, merchant_serial, network,"
            + " authenticated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (ticket_id) do nothing returning " + COLUMNS + "),"
            + " items as (insert into ledger.register_item (serial, line_no, ref, label, quantity, amount_minor)"
            + " select entry.serial, item.line_no, item.ref, item.label, item.quantity, item.amount_minor from entry,"
            + " unnest(?::text[], ?::text[], ?::int[], ?::bigint[]) with ordinality"
            + " as item (ref, label, quantity, amount_minor, line_no))"
            + " select " + COLUMNS + " from entry";

    private RegisterStore() {
    }

    /**
     * Registers the order under a new serial, with its items. Empty when the ticket was already
     * registered: a concurrent delivery of the same ticket waits here until the first commits.
     */
    static Optional<RegisterEntry> insert(Connection connection, RegisterOrder order, SettlementPath path,
            RegisterStatus status, String reason, String network) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, order.ticketId());
            insert.setString(2, path.code());
            insert.setString(3, status.name());
            insert.setString(4, reason);
            insert.setString(5, order.merchantId());
            insert.setString(6, order.customerId());
            insert.setString(7, order.orderId());
            insert.setLong(8, order.amountMinor());
            insert.setLong(9, order.vatMinor());
            insert.setString(10, order.currency());
            insert.setString(11, order.merchantSerial());
            insert.setString(12, network);
            SqlSupport.setInstant(insert, 13, order.authenticatedAt());
            List<OrderItem> items = order.items();
            insert.setArray(14, connection.createArrayOf("text", items.stream().map(OrderItem::ref).toArray()));
            insert.setArray(15, connection.createArrayOf("text", items.stream().map(OrderItem::label).toArray()));
            insert.setArray(16, connection.createArrayOf("int4", items.stream().map(OrderItem::quantity).toArray()));
            insert.setArray(17, connection.createArrayOf("int8", items.stream().map(OrderItem::amountMinor).toArray()));
            return SqlSupport.first(insert, RegisterStore::entry);
        }
    }

    static Optional<RegisterEntry> findByTicket(Connection connection, String ticketId, boolean lockForUpdate)
            throws SQLException {
        return selectOne(connection, "where ticket_id = ?" + (lockForUpdate ? " for update" : ""), ticketId);
    }

    static Optional<RegisterEntry> findBySerial(Connection connection, long serial) throws SQLException {
        return selectOne(connection, "where serial = ?", serial);
    }

    static List<RegisterEntry> recent(Connection connection, String ownerColumn, String ownerId, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from ledger.register_entry where " + ownerColumn + " = ? order by serial desc limit ?")) {
            select.setString(1, ownerId);
            select.setInt(2, limit);
            return entries(select);
        }
    }

    static List<RegisterEntry> latest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from ledger.register_entry order by serial desc limit ?")) {
            select.setInt(1, limit);
            return entries(select);
        }
    }

    /** Exact matches only, each on an indexed column (V9), so a search costs a few index probes. */
    static List<RegisterEntry> search(Connection connection, String term, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from ledger.register_entry where ticket_id = ? or order_id = ? or customer_id = ? or stan = ?"
                + " or rrn = ? or auth_code = ? order by serial desc limit ?")) {
            select.setString(1, term);
            select.setString(2, term);
            select.setString(3, term);
            // DE 11 is n 6: an operator may type "42" for "000042".
            select.setString(4, term.matches("[0-9]{1,6}") ? "%06d".formatted(Integer.parseInt(term)) : term);
            select.setString(5, term);
            // Approval codes are stored as the network sent them, in upper case.
            select.setString(6, term.toUpperCase(Locale.ROOT));
            select.setInt(7, limit);
            return entries(select);
        }
    }

    static List<Posting> postings(Connection connection, long serial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select t.transfer_id, t.kind,"
                + " debit.code as debit_code, credit.code as credit_code, t.amount_minor, t.currency, t.created_at"
                + " from ledger.transfer t join ledger.account debit on debit.account_id = t.debit_account_id"
                + " join ledger.account credit on credit.account_id = t.credit_account_id"
                + " where t.register_serial = ? order by t.transfer_id")) {
            select.setLong(1, serial);
            return SqlSupport.list(select, row -> new Posting(row.getLong("transfer_id"),
                    TransferKind.valueOf(row.getString("kind")), row.getString("debit_code"), row.getString("credit_code"),
                    row.getLong("amount_minor"), row.getString("currency"), SqlSupport.instant(row, "created_at")));
        }
    }

    static List<RegisterEntry> recentWithStatus(Connection connection, RegisterStatus status, int limit)
            throws SQLException {
        return recent(connection, "status", status.name(), limit);
    }

    static List<RegisterEntry> recentLateAnswers(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS
                + " from ledger.register_entry where late_outcome_mti is not null"
                + " order by late_outcome_at desc limit ?")) {
            select.setInt(1, limit);
            return entries(select);
        }
    }

    static List<OrderItem> items(Connection connection, long serial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select ref, label, quantity, amount_minor"
                + " from ledger.register_item where serial = ? order by line_no")) {
            select.setLong(1, serial);
            return SqlSupport.list(select, row -> new OrderItem(row.getString("ref"), row.getString("label"),
                    row.getInt("quantity"), row.getLong("amount_minor")));
        }
    }

    /** Records the final status of an entry, with the card network's references when there are any. */
    static RegisterEntry complete(Connection connection, long serial, RegisterStatus status, String reason,
            CardOutcome outcome) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry"
                + " set status = ?, reason = ?, auth_code = ?, rrn = ?, stan = ?, completed_at = now()"
                + " where serial = ? returning " + COLUMNS)) {
            update.setString(1, status.name());
            update.setString(2, reason);
            update.setString(3, outcome == null ? null : outcome.authCode());
            update.setString(4, outcome == null ? null : outcome.rrn());
            update.setString(5, outcome == null ? null : outcome.stan());
            update.setLong(6, serial);
            return single(update);
        }
    }


    /** Turns an entry registered in this transaction into a refusal, when the ledger refused its transfer. */
    static RegisterEntry refuse(Connection connection, long serial, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry"
                + " set status = 'REFUSED', reason = ? where serial = ? returning " + COLUMNS)) {
            update.setString(1, reason);
            update.setLong(2, serial);
            return single(update);
        }
    }

    static RegisterEntry markReversed(Connection connection, long serial) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry"
                + " set status = 'REVERSED', completed_at = now() where serial = ? returning " + COLUMNS)) {
            update.setLong(1, serial);
            return single(update);
        }
    }

    /** Sets the STAN of a PENDING card entry that has none; empty when the entry was closed or sent meanwhile. */
    static Optional<RegisterEntry> claimStan(Connection connection, String ticketId, String stan) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry set stan = ?"
                + " where ticket_id = ? and path = 'card' and status = 'PENDING' and stan is null returning " + COLUMNS)) {
            update.setString(1, stan);
            update.setString(2, ticketId);
            return SqlSupport.first(update, RegisterStore::entry);
        }
    }

    /** Refuses PENDING card entries registered before {@code registeredBefore} whose request never got a STAN. */
    static List<RegisterEntry> refuseUnsentCardEntries(Connection connection, Instant registeredBefore, String reason,
                                                       int limit) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry"
                + " set status = 'REFUSED', reason = ?, completed_at = now() where serial in ("
                + " select serial from ledger.register_entry where path = 'card' and status = 'PENDING'"
                + " and stan is null and registered_at < ? order by serial limit ? for update skip locked)"
                + " and status = 'PENDING' and stan is null returning " + COLUMNS)) {
            update.setString(1, reason);
            update.setTimestamp(2, Timestamp.from(registeredBefore));
            update.setInt(3, limit);
            return entries(update);
        }
    }

    static RegisterEntry recordLateOutcome(Connection connection, long serial, LateOutcome lateOutcome)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.register_entry"
                + " set late_outcome_mti = ?, late_outcome_response_code = ?, late_outcome_approval_code = ?,"
                + " late_outcome_at = ? where serial = ? returning " + COLUMNS)) {
            update.setString(1, lateOutcome.mti());
            update.setString(2, lateOutcome.responseCode());
            update.setString(3, lateOutcome.approvalCode());
            SqlSupport.setInstant(update, 4, lateOutcome.receivedAt());
            update.setLong(5, serial);
            return single(update);
        }
    }

    private static Optional<RegisterEntry> selectOne(Connection connection, String condition, Object key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from ledger.register_entry " + condition)) {
            select.setObject(1, key);
            return SqlSupport.first(select, RegisterStore::entry);
        }
    }

    private static List<RegisterEntry> entries(PreparedStatement select) throws SQLException {
        return SqlSupport.list(select, RegisterStore::entry);
    }

    private static RegisterEntry single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return entry(row);
        }
    }

    /** Null when no late answer came. */
    private static LateOutcome lateOutcome(ResultSet row) throws SQLException {
        String mti = row.getString("late_outcome_mti");
        return mti == null ? null : new LateOutcome(mti, row.getString("late_outcome_response_code"),
                row.getString("late_outcome_approval_code"), SqlSupport.instant(row, "late_outcome_at"));
    }

    private static RegisterEntry entry(ResultSet row) throws SQLException {
        return new RegisterEntry(
                row.getLong("serial"),
                row.getString("ticket_id"),
                SettlementPath.fromCode(row.getString("path")),
                RegisterStatus.valueOf(row.getString("status")),
                row.getString("reason"),
                row.getString("merchant_id"),
                row.getString("customer_id"),
                row.getString("order_id"),
                row.getLong("amount_minor"),
                row.getLong("vat_minor"),
                row.getString("currency"),
                row.getString("merchant_serial"),
                row.getString("network"),
                row.getString("auth_code"),
                row.getString("rrn"),
                row.getString("stan"),
                row.getLong("refunded_minor"),
                lateOutcome(row),
                SqlSupport.instant(row, "authenticated_at"),
                SqlSupport.instant(row, "registered_at"),
                SqlSupport.instant(row, "completed_at"));
    }
}
