package dev.paygate.ledger.sequence;

import dev.paygate.ledger.Text;
import dev.paygate.ledger.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * DE 11 system trace audit numbers from a counter row per network and UTC day. One atomic
 * upsert hands out each number, so processes sharing the database never hand out the same STAN
 * for a network on the same day; after {@value #STAN_MAX} the counter wraps to 1.
 */
public final class DatabaseStanSequence {

    public static final int STAN_MAX = 999_999;

    private static final String NEXT = "insert into ledger.stan_counter (network, utc_day, last_stan)"
            + " values (?, ?, 1) on conflict (network, utc_day) do update"
            + " set last_stan = case when ledger.stan_counter.last_stan >= " + STAN_MAX + " then 1"
            + " else ledger.stan_counter.last_stan + 1 end returning last_stan";

    private final Transactions transactions;

    public DatabaseStanSequence(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /** The next STAN, 1..{@value #STAN_MAX}, for this network on this UTC day. */
    public int next(String network, LocalDate utcDay) {
        Text.requireLength(network, "network", 40);
        Objects.requireNonNull(utcDay, "utcDay");
        return transactions.inTransaction(connection -> {
            try (PreparedStatement next = connection.prepareStatement(NEXT)) {
                next.setString(1, network);
                next.setObject(2, utcDay);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }
}
