package dev.paygate.ledger.invariant;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Checks the ledger's invariants on demand, for operators and tests. The database already refuses
 * writes that would break them; this check finds what a bypass (a manual fix, a disabled trigger,
 * a bad restore) left behind. Every query reads the same snapshot, so payments running meanwhile
 * cannot make a healthy ledger look broken. Each transfer balances by construction (one amount,
 * debited once and credited once); the rules below check what the transfers add up to. A till's
 * balance is its folded balance plus its credits not yet folded: a credit lost or folded twice shows
 * as a till whose balance does not match its journal.
 */
public final class LedgerInvariants {

    /** Violations reported per rule at most; a broken ledger needs the first ones, not all. */
    public static final int VIOLATIONS_PER_RULE_MAX = 100;

    private static final String BALANCES_SUM_TO_ZERO = "select currency, sum(balance_minor)::bigint as total"
            + " from ledger.account_balance group by currency having sum(balance_minor) <> 0 order by currency limit ?";

    private static final String BALANCE_MATCHES_JOURNAL = "with journal as ("
            + "  select account_id, sum(delta_minor)::bigint as journal_minor from ("
            + "    select credit_account_id as account_id, amount_minor as delta_minor from ledger.transfer"
            + "    union all"
            + "    select debit_account_id, -amount_minor from ledger.transfer) moves"
            + "  group by account_id)"
            + " select a.code, a.balance_minor, coalesce(j.journal_minor, 0) as journal_minor"
            + " from ledger.account_balance a left join journal j on j.account_id = a.account_id"
            + " where a.balance_minor <> coalesce(j.journal_minor, 0) order by a.account_id limit ?";

    private static final String WALLET_WITHIN_BOUNDS = "select code, balance_minor,"
            + " case when balance_minor < 0 then 0 else cap_minor end as bound_minor"
            + " from ledger.account where kind = 'WALLET' and (balance_minor < 0 or balance_minor > cap_minor)"
            + " order by account_id limit ?";

    private static final String REGISTER_ENTRY_BALANCES = "with moved as ("
            + "  select register_serial as serial, sum(case"
            + "    when kind in ('WALLET_PAYMENT', 'CARD_PAYMENT') then amount_minor"
            + "    when kind in ('CARD_REVERSAL', 'REFUND') then -amount_minor"
            + "    else 0 end)::bigint as net_minor"
            + "  from ledger.transfer where register_serial is not null group by register_serial)"
            + " select r.serial, r.ticket_id, r.status, r.path,"
            + "   case when r.status = 'APPROVED' then r.amount_minor - r.refunded_minor else 0 end as expected_minor,"
            + "   coalesce(m.net_minor, 0) as net_minor"
            + " from ledger.register_entry r left join moved m on m.serial = r.serial"
            + " where case when r.status = 'APPROVED' then r.amount_minor - r.refunded_minor else 0 end"
            + "   <> coalesce(m.net_minor, 0)"
            + " order by r.serial limit ?";

    private final Transactions transactions;

    public LedgerInvariants(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    public InvariantReport check() {
        return transactions.inSnapshot(connection -> {
            List<InvariantViolation> violations = new ArrayList<>();
            query(connection, BALANCES_SUM_TO_ZERO, row -> new InvariantViolation(InvariantRule.BALANCES_SUM_TO_ZERO,
                    "currency " + row.getString("currency"), 0, row.getLong("total")), violations);
            query(connection, BALANCE_MATCHES_JOURNAL, row -> new InvariantViolation(
                    InvariantRule.BALANCE_MATCHES_JOURNAL, "account " + row.getString("code"),
                    row.getLong("journal_minor"), row.getLong("balance_minor")), violations);
            query(connection, WALLET_WITHIN_BOUNDS, row -> new InvariantViolation(InvariantRule.WALLET_WITHIN_BOUNDS,
                    "account " + row.getString("code"), row.getLong("bound_minor"), row.getLong("balance_minor")),
                    violations);
            query(connection, REGISTER_ENTRY_BALANCES, row -> new InvariantViolation(
                    InvariantRule.REGISTER_ENTRY_BALANCES,
                    "register serial " + row.getLong("serial") + " (ticket " + row.getString("ticket_id") + ", "
                            + row.getString("status") + " " + row.getString("path") + ")",
                    row.getLong("expected_minor"), row.getLong("net_minor")), violations);
            return new InvariantReport(snapshotTime(connection), violations);
        });
    }

    private static void query(Connection connection, String sql, SqlSupport.RowReader<InvariantViolation> reader,
                              List<InvariantViolation> into) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, VIOLATIONS_PER_RULE_MAX);
            into.addAll(SqlSupport.list(select, reader));
        }
    }

    /** The snapshot's transaction time, which is when the checked state held. */
    private static Instant snapshotTime(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select now() as checked_at")) {
            row.next();
            return SqlSupport.instant(row, "checked_at");
        }
    }
}
