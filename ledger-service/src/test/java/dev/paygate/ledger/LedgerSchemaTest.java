package dev.paygate.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LedgerSchemaTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    @Test
    void migratingAgainChangesNothingAndEverythingLivesInSchemaLedger() throws SQLException {
        List<String> before = tables();

        LedgerSchema.migrate(database.dataSource());

        assertThat(tables()).isEqualTo(before)
                .contains("ledger.account", "ledger.transfer", "ledger.register_entry", "ledger.vaulted_card",
                        "ledger.sweep_payment", "ledger.stan_counter", "ledger." + LedgerSchema.HISTORY_TABLE)
                .allMatch(table -> table.startsWith("ledger."));
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("select table_schema || '.' || table_name from"
                        + " information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')"
                        + " order by 1")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        return tables;
    }
}
