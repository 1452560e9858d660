package dev.paygate.routes.reversal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The back unit's store-and-forward schema {@code saf}, migrated beside the ledger's own. */
public final class ReversalSchema {

    private ReversalSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("saf")
                .createSchemas(true)
                .table("saf_schema_history")
                .locations("classpath:db/saf")
                .load()
                .migrate();
    }
}
