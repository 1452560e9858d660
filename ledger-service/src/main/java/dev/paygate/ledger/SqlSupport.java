package dev.paygate.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** JDBC conversions shared by the ledger's stores: rows to lists, UTC instants, nullable numbers, constraint names. */
public final class SqlSupport {

    private SqlSupport() {
    }

    /** Reads the current row of a result set into one value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Runs the query and reads every row it returns, in order, into a list the caller may change. */
    public static <T> List<T> list(PreparedStatement query, RowReader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                values.add(reader.read(row));
            }
        }
        return values;
    }

    /** Runs the query and reads the first row it returns, if it returns any. */
    public static <T> Optional<T> first(PreparedStatement query, RowReader<T> reader) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** The name of the constraint (or trigger guard) PostgreSQL reported, if any. */
    public static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                if (message != null && message.getConstraint() != null) {
                    return Optional.of(message.getConstraint());
                }
            }
        }
        return Optional.empty();
    }
}
