package dev.paygate.ledger.sweep;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.TillCredits;
import dev.paygate.ledger.Transactions;
import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.TransferRequest;
import dev.paygate.ledger.TransferResult;
import dev.paygate.ledger.party.BankAccount;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The daily sweep: every till with a positive balance is emptied into the bank-settlement account
 * and the merchants are paid by a pain.001 file for their bank. Each merchant is swept in its own
 * transaction, recorded under a (business day, merchant) unique key, so a second run for the same
 * day, or a run resumed after a crash, pays nobody twice. Once a day's run has completed, later runs
 * sweep nothing more for that day (money arriving since waits for the next day) and only write the
 * same file again.
 */
public final class DailySweep {

    /** Tills swept per run at most; the limit stops a runaway loop, not a real payment server. */
    public static final int MERCHANTS_PER_RUN_MAX = 100_000;

    private static final DateTimeFormatter COMPACT_DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final Transactions transactions;
    private final SettlementDebtor debtor;

    public DailySweep(DataSource dataSource, SettlementDebtor debtor) {
        this.transactions = new Transactions(dataSource);
        this.debtor = Objects.requireNonNull(debtor, "debtor");
    }

    /**
     * Sweeps the tills for {@code businessDay} and writes its settlement file into
     * {@code outputDirectory} (created if missing).
     */
    public SweepResult run(LocalDate businessDay, Path outputDirectory) {
        Objects.requireNonNull(businessDay, "businessDay");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        SweepRun run = transactions.inTransaction(connection -> startRun(connection, businessDay));
        if (run.completedAt() == null) {
            for (String merchantId : transactions.inTransaction(connection -> merchantsToSweep(connection,
                    businessDay))) {
                transactions.inTransaction(connection -> sweepMerchant(connection, businessDay, merchantId));
            }
            transactions.inTransaction(connection -> completeRun(connection, businessDay));
        }
        List<SweepPayment> payments = transactions.inTransaction(connection -> payments(connection, businessDay));
        Optional<Path> file = payments.isEmpty()
                ? Optional.empty()
                : Optional.of(SettlementFile.write(outputDirectory, businessDay, run.messageId(), run.createdAt(),
                        debtor, payments));
        return new SweepResult(businessDay, run.messageId(), payments, file, run.completedAt() != null);
    }

    private record SweepRun(String messageId, Instant createdAt, Instant completedAt) {
    }

    private static SweepRun startRun(Connection connection, LocalDate businessDay) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger.sweep_run"
                + " (business_day, message_id) values (?, ?) on conflict (business_day) do nothing")) {
            insert.setObject(1, businessDay);
            insert.setString(2, "PGSWEEP-" + COMPACT_DAY.format(businessDay));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select message_id, created_at, completed_at from ledger.sweep_run where business_day = ?")) {
            select.setObject(1, businessDay);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new SweepRun(row.getString("message_id"), SqlSupport.instant(row, "created_at"),
                        SqlSupport.instant(row, "completed_at"));
            }
        }
    }

    private static List<String> merchantsToSweep(Connection connection, LocalDate businessDay) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select m.merchant_id from ledger.merchant m"
                + " join ledger.account_balance t on t.account_id = m.till_account_id"
                + " where t.balance_minor > 0 and not exists (select 1 from ledger.sweep_payment p"
                + "   where p.business_day = ? and p.merchant_id = m.merchant_id)"
                + " order by m.merchant_id limit ?")) {
            select.setObject(1, businessDay);
            select.setInt(2, MERCHANTS_PER_RUN_MAX);
            return SqlSupport.list(select, row -> row.getString("merchant_id"));
        }
    }

    /**
     * Empties one till under its row lock; a concurrent run for the same day finds it done and skips it. The till's
     * credits are folded first, in the same transaction, so its row holds all it has; credits committed after the
     * fold stay in the till for the next day.
     */
    private static Void sweepMerchant(Connection connection, LocalDate businessDay, String merchantId)
            throws SQLException {
        TillCredits.foldTill(connection, tillOf(connection, merchantId));
        long tillAccountId;
        long balanceMinor;
        String currency;
        String creditorName;
        BankAccount creditorAccount;
        try (PreparedStatement lock = connection.prepareStatement("select m.name, m.iban, m.bic, t.account_id,"
                + " t.currency, t.balance_minor from ledger.merchant m"
                + " join ledger.account t on t.account_id = m.till_account_id where m.merchant_id = ? for no key update of t")) {
            lock.setString(1, merchantId);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                tillAccountId = row.getLong("account_id");
                balanceMinor = row.getLong("balance_minor");
                currency = row.getString("currency");
                creditorName = row.getString("name");
                creditorAccount = new BankAccount(row.getString("iban"), row.getString("bic"));
            }
        }
        if (balanceMinor <= 0 || alreadySwept(connection, businessDay, merchantId)) {
            return null;
        }
        Account settlement = Journal.systemAccount(connection, SystemAccount.BANK_SETTLEMENT, currency);
        TransferResult moved = Journal.post(connection, new TransferRequest("sweep:" + businessDay + ":" + merchantId,
                TransferKind.SWEEP, tillAccountId, settlement.accountId(), balanceMinor, currency, null));
        if (!(moved instanceof TransferResult.Posted posted)) {
            throw new LedgerException("sweep of till " + merchantId + " refused: " + moved);
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger.sweep_payment"
                + " (business_day, merchant_id, amount_minor, currency, creditor_name, creditor_iban, creditor_bic,"
                + " transfer_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, businessDay);
            insert.setString(2, merchantId);
            insert.setLong(3, balanceMinor);
            insert.setString(4, currency);
            insert.setString(5, creditorName);
            insert.setString(6, creditorAccount.iban());
            insert.setString(7, creditorAccount.bic());
            insert.setLong(8, posted.transfer().transferId());
            insert.executeUpdate();
        }
        return null;
    }

    private static long tillOf(Connection connection, String merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select till_account_id from ledger.merchant where merchant_id = ?")) {
            select.setString(1, merchantId);
            return SqlSupport.first(select, row -> row.getLong("till_account_id"))
                    .orElseThrow(() -> new LedgerException("merchant " + merchantId + " to sweep has no till"));
        }
    }

    private static boolean alreadySwept(Connection connection, LocalDate businessDay, String merchantId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select 1 from ledger.sweep_payment where business_day = ? and merchant_id = ?")) {
            select.setObject(1, businessDay);
            select.setString(2, merchantId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Void completeRun(Connection connection, LocalDate businessDay) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update ledger.sweep_run"
                + " set completed_at = now() where business_day = ? and completed_at is null")) {
            update.setObject(1, businessDay);
            update.executeUpdate();
        }
        return null;
    }

    private static List<SweepPayment> payments(Connection connection, LocalDate businessDay) throws SQLException {
        return payments(connection, businessDay, null);
    }

    /** The day's payments as recorded, or one merchant's only; end-to-end ids are derived the same way for both. */
    static List<SweepPayment> payments(Connection connection, LocalDate businessDay, String merchantId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select sweep_payment_id, merchant_id,"
                + " amount_minor, currency, creditor_name, creditor_iban, creditor_bic, transfer_id"
                + " from ledger.sweep_payment where business_day = ? and (? :: text is null or merchant_id = ?)"
                + " order by currency, sweep_payment_id")) {
            select.setObject(1, businessDay);
            select.setString(2, merchantId);
            select.setString(3, merchantId);
            return SqlSupport.list(select, row -> new SweepPayment(
                    row.getString("merchant_id"),
                    row.getString("creditor_name"),
                    new BankAccount(row.getString("creditor_iban"), row.getString("creditor_bic")),
                    row.getLong("amount_minor"),
                    row.getString("currency"),
                    "PG" + COMPACT_DAY.format(businessDay) + "-" + row.getLong("sweep_payment_id"),
                    row.getLong("transfer_id")));
        }
    }
}
