package dev.paygate.ledger.messages;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The ISO 8583 messages exchanged for each card request, masked, in table {@code ledger.message_journal}: the
 * dispute trail of a register entry, read by its ticket id or serial. Append-only.
 */
public final class MessageJournal {

    /** Most messages one entry's trail shows: a payment, its refunds, reversals and their repeats fit many times. */
    public static final int MESSAGES_PER_ENTRY_MAX = 500;
    /** Most messages one call writes, so a batch is one bounded statement. */
    public static final int BATCH_MAX = 1_000;

    private static final String COLUMNS = "ticket_id, exchange_id, network, direction, late, mti, stan, terminal_id,"
            + " response_code, elements, exchanged_at";
    /** The elements object read back as two arrays in its own order (a json value keeps its text as written). */
    private static final String ELEMENTS_AS_ARRAYS = "array(select key::int2 from json_each_text(%1$s.elements))"
            + " as element_numbers, array(select value from json_each_text(%1$s.elements)) as element_values";

    private final Transactions transactions;

    public MessageJournal(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /** Writes the messages in one transaction: all of them or none. */
    public void record(List<JournalMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        if (messages.isEmpty()) {
            return;
        }
        if (messages.size() > BATCH_MAX) {
            throw new IllegalArgumentException("at most " + BATCH_MAX + " messages per call, got " + messages.size());
        }
        transactions.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into ledger.message_journal ("
                    + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, json_object(?::text[], ?::text[]), ?)")) {
                for (JournalMessage message : messages) {
                    bind(connection, insert, message);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The trail of the entry registered under {@code ticketId}, oldest first: its requests, refunds, reversals. */
    public List<JournalMessage> forTicket(String ticketId) {
        return transactions.inTransaction(connection -> select(connection,
                "select " + columnsOf("j") + " from ledger.message_journal j where ticket_id = ?"
                        + " order by exchanged_at, message_id limit ?", ticketId));
    }

    /** The trail of the entry with register serial {@code serial}, oldest first. */
    public List<JournalMessage> forSerial(long serial) {
        return transactions.inTransaction(connection -> select(connection,
                "select " + columnsOf("m") + " from ledger.message_journal m"
                        + " join ledger.register_entry e on e.ticket_id = m.ticket_id where e.serial = ?"
                        + " order by m.exchanged_at, m.message_id limit ?", serial));
    }

    private static void bind(Connection connection, PreparedStatement insert, JournalMessage message)
            throws SQLException {
        insert.setString(1, message.ticketId());
        insert.setString(2, message.exchangeId());
        insert.setString(3, message.network());
        insert.setString(4, message.direction().name());
        insert.setBoolean(5, message.late());
        insert.setString(6, message.mti());
        insert.setString(7, message.stan());
        insert.setString(8, message.terminalId());
        insert.setString(9, message.responseCode());
        insert.setArray(10, connection.createArrayOf("text",
                message.elements().keySet().stream().map(String::valueOf).toArray()));
        insert.setArray(11, connection.createArrayOf("text", message.elements().values().toArray()));
        SqlSupport.setInstant(insert, 12, message.exchangedAt());
    }

    private static List<JournalMessage> select(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            select.setInt(2, MESSAGES_PER_ENTRY_MAX);
            return SqlSupport.list(select, MessageJournal::read);
        }
    }

    private static JournalMessage read(ResultSet row) throws SQLException {
        return new JournalMessage(row.getString("ticket_id"), row.getString("exchange_id"), row.getString("network"),
                JournalMessage.Direction.valueOf(row.getString("direction")), row.getBoolean("late"),
                row.getString("mti"), row.getString("stan"), row.getString("terminal_id"),
                row.getString("response_code"), elements(row.getArray("element_numbers"), row.getArray("element_values")),
                SqlSupport.instant(row, "exchanged_at"));
    }

    private static SortedMap<Integer, String> elements(Array numbers, Array values) throws SQLException {
        Object[] fieldNumbers = (Object[]) numbers.getArray();
        Object[] fieldValues = (Object[]) values.getArray();
        SortedMap<Integer, String> elements = new TreeMap<>();
        for (int i = 0; i < fieldNumbers.length; i++) {
            elements.put(((Number) fieldNumbers[i]).intValue(), (String) fieldValues[i]);
        }
        return elements;
    }

    private static String columnsOf(String alias) {
        StringBuilder columns = new StringBuilder();
        for (String column : COLUMNS.split(",\\s*")) {
            columns.append(columns.isEmpty() ? "" : ", ").append(column.equals("elements")
                    ? ELEMENTS_AS_ARRAYS.formatted(alias) : alias + "." + column);
        }
        return columns.toString();
    }
}
