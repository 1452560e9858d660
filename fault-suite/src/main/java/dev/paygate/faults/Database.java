package dev.paygate.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the gateway recorded, read straight from its PostgreSQL, not through the code under test: the register,
 * the reversal queue ({@code saf.reversal}) and the credited top-ups. Read-only queries on a short connection each.
 */
final class Database {

    private static final int LOGIN_TIMEOUT_SECONDS = 10;
    private static final int QUERY_TIMEOUT_SECONDS = 30;

    /** One reversal of the store-and-forward queue; {@code originalStan} six digits, as the register keeps it. */
    record Reversal(String ticketId, String network, String originalMti, String originalStan, long amountMinor,
                    String status, int attempts) {

        /** Sent and acknowledged, or never due: nothing left to do. */
        boolean settled() {
            return status.equals("ACKNOWLEDGED") || status.equals("CANCELLED");
        }
    }

    /** A top-up that credited a wallet, with the RRN of the card charge behind it. */
    record CreditedTopUp(String idempotencyKey, String rrn, long amountMinor) {
    }

    private final String url;
    private final Properties login = new Properties();

    Database(String url, String user, String password) {
        this.url = url;
        login.setProperty("user", user);
        login.setProperty("password", password);
        login.setProperty("loginTimeout", Integer.toString(LOGIN_TIMEOUT_SECONDS));
    }

    /** Every entry, of every merchant. */
    List<RegisterEntry> register() throws SQLException {
        return query("select serial, ticket_id, amount_minor, currency, path, status, reason, network, stan, rrn"
                + " from ledger.register_entry order by serial", row -> new RegisterEntry(
                row.getLong("serial"), row.getString("ticket_id"), row.getLong("amount_minor"), row.getString("currency"),
                row.getString("path"), row.getString("status"), row.getString("reason"), row.getString("network"),
                row.getString("stan"), row.getString("rrn")));
    }

    List<Reversal> reversals() throws SQLException {
        return query("select ticket_id, network, original_mti, original_stan, amount_minor, status, attempts"
                + " from saf.reversal order by id", row -> new Reversal(row.getString("ticket_id"),
                row.getString("network"), row.getString("original_mti"), "%06d".formatted(row.getInt("original_stan")),
                row.getLong("amount_minor"), row.getString("status"), row.getInt("attempts")));
    }

    List<CreditedTopUp> creditedTopUps() throws SQLException {
        return query("select tr.idempotency_key, t.rrn, tr.amount_minor from ledger.top_up t"
                + " join ledger.transfer tr on tr.transfer_id = t.transfer_id order by t.top_up_id",
                row -> new CreditedTopUp(row.getString("idempotency_key"), row.getString("rrn"), row.getLong("amount_minor")));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, login);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        }
    }
}
