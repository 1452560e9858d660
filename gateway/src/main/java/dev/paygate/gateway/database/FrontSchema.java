package dev.paygate.gateway.database;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The front unit's PostgreSQL schema {@code front}, migrated by its own Flyway (scripts in {@code db/front},
 * history in {@code front.front_schema_history}) because the ledger schema has another owner. Every front
 * store takes its {@link JdbcClient} from here, so no query can run before the migration has.
 */
@Component
public class FrontSchema {

    public static final String SCHEMA = "front";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public FrontSchema(DataSource dataSource) {
        migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Brings schema {@code front} to the newest version; safe to call on every start and from several nodes. */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .table("front_schema_history")
                .locations("classpath:db/front")
                .load()
                .migrate();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Runs the work in one database transaction; the stores' statements inside it share the connection. It
     * commits unless the work throws or calls {@code status.setRollbackOnly()}.
     */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return transactions.execute(work);
    }
}
