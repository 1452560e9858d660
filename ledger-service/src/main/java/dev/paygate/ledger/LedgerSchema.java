package dev.paygate.ledger;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ledger's PostgreSQL schema. Everything the back unit keeps lives in schema {@code ledger}, with
 * its own Flyway history table, so the front unit can keep its schema {@code front} in the same
 * database without the two migration histories meeting.
 */
public final class LedgerSchema {

    public static final String SCHEMA = "ledger";
    public static final String MIGRATIONS_LOCATION = "classpath:db/ledger";
    public static final String HISTORY_TABLE = "ledger_schema_history";

    private LedgerSchema() {
    }

    /** Creates or upgrades schema {@code ledger}; safe to call at every start. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table(HISTORY_TABLE)
                .locations(MIGRATIONS_LOCATION)
                .cleanDisabled(true)
                .load()
                .migrate();
    }
}
