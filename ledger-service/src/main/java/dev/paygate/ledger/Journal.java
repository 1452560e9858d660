package dev.paygate.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ledger's building blocks on a caller's connection: open accounts and post transfers inside
 * a transaction that the caller owns, so that a payment, its register entry and its transfer
 * commit together. {@link Ledger} offers the same on a {@link javax.sql.DataSource}.
 */
public final class Journal {

    static final String ACCOUNT_COLUMNS =
            "account_id, code, kind, owner_id, currency, balance_minor, cap_minor, created_at";

    /**
     * Locks the debited account and a credited wallet or system account, in account_id order; a credited till is
     * read without a lock, as its row is not written (the transfer appends a till credit). Kind and currency, all
     * the checks read of a till, never change. Every row comes back from its own lock, with the balance as committed.
     * Public, like the two statements after it, so that the raw-SQL benchmark measures the very statements sent here.
     */
    public static final String LOCK_ACCOUNTS = "with locked as (select " + ACCOUNT_COLUMNS
            + " from ledger.account where account_id = ? or (account_id = ? and kind <> 'TILL')"
            + " order by account_id for no key update)"
            + " select " + ACCOUNT_COLUMNS + " from locked"
            + " union all select " + ACCOUNT_COLUMNS + " from ledger.account where account_id = ? and kind = 'TILL'";
    public static final String FIND_TRANSFER = "select transfer_id, idempotency_key, kind, debit_account_id,"
            + " credit_account_id, amount_minor, currency, register_serial, created_at"
            + " from ledger.transfer where idempotency_key = ?";
    public static final String INSERT_TRANSFER = "insert into ledger.transfer (idempotency_key, kind,"
            + " debit_account_id, credit_account_id, amount_minor, currency, register_serial)"
            + " values (?, ?, ?, ?, ?, ?, ?) returning transfer_id, created_at";

    private Journal() {
    }

    /**
     * Moves money between two accounts, or explains why not. The accounts whose rows the transfer
     * writes are locked in account_id order first (the same order the database trigger uses), then
     * the key is checked, then the bounds; the database checks the bounds a second time when the
     * trigger applies the transfer. A credited till is not locked: payments into one till do not
     * wait for each other (see {@link TillCredits}).
     */
    public static TransferResult post(Connection connection, TransferRequest request) throws SQLException {
        Map<Long, Account> locked = lockAccounts(connection, request.debitAccountId(), request.creditAccountId());
        Optional<TransferResult.Posted> replayed = replay(connection, request);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Account debit = requireLocked(locked, request.debitAccountId());
        Account credit = requireLocked(locked, request.creditAccountId());
        Optional<RefusalReason> refusal = refusalFor(request, debit, credit);
        if (refusal.isPresent()) {
            return new TransferResult.Refused(refusal.get());
        }
        return new TransferResult.Posted(insertTransfer(connection, request), false);
    }

    /**
     * The earlier transfer with this request's key, if there is one. A caller that must not refuse
     * a replay (a customer blocked after their top-up, say) asks this before its own checks.
     *
     * @throws IdempotencyConflictException when the key was used for a different movement
     */
    public static Optional<TransferResult.Posted> replay(Connection connection, TransferRequest request)
            throws SQLException {
        Optional<Transfer> earlier = findTransfer(connection, request.idempotencyKey());
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Transfer first = earlier.get();
        // Found by the same key, so equal requests are the same movement.
        if (!first.request().equals(request)) {
            throw new IdempotencyConflictException(request.idempotencyKey(), first.request().describe(),
                    request.describe());
        }
        return Optional.of(new TransferResult.Posted(first, true));
    }

    /** Opens a wallet, till or system account at zero. */
    public static Account openAccount(Connection connection, AccountKind kind, String code, String ownerId,
            String currency, OptionalLong capMinor) throws SQLException {
        Money.requireCurrency(currency);
        capMinor.ifPresent(cap -> Money.requireNotNegative(cap, "capMinor"));
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger.account"
                + " (code, kind, owner_id, currency, cap_minor) values (?, ?, ?, ?, ?) returning " + ACCOUNT_COLUMNS)) {
            insert.setString(1, code);
            insert.setString(2, kind.name());
            insert.setString(3, ownerId);
            insert.setString(4, currency);
            SqlSupport.setNullableLong(insert, 5, capMinor.isPresent() ? capMinor.getAsLong() : null);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return account(row);
            }
        }
    }

    /** The system account for a currency, opened on first use. */
    public static Account systemAccount(Connection connection, SystemAccount systemAccount, String currency)
            throws SQLException {
        String code = systemAccount.code(currency);
        Optional<Account> existing = accountByCode(connection, code);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger.account"
                + " (code, kind, currency) values (?, 'SYSTEM', ?) on conflict (code) do nothing")) {
            insert.setString(1, code);
            insert.setString(2, currency);
            insert.executeUpdate();
        }
        return accountByCode(connection, code)
                .orElseThrow(() -> new LedgerException("system account " + code + " vanished after opening"));
    }

    /** The account with its balance; a till's counts its credits not yet folded. */
    public static Optional<Account> accountByCode(Connection connection, String code) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + ACCOUNT_COLUMNS + " from ledger.account_balance where code = ?")) {
            select.setString(1, code);
            return SqlSupport.first(select, Journal::account);
        }
    }

    static Account account(ResultSet row) throws SQLException {
        Long cap = SqlSupport.nullableLong(row, "cap_minor");
        return new Account(
                row.getLong("account_id"),
                row.getString("code"),
                AccountKind.valueOf(row.getString("kind")),
                row.getString("owner_id"),
                row.getString("currency"),
                row.getLong("balance_minor"),
                cap == null ? OptionalLong.empty() : OptionalLong.of(cap),
                SqlSupport.instant(row, "created_at"));
    }

    /** The two accounts, each as {@link #LOCK_ACCOUNTS} reads it; a till's balance there is its folded part only. */
    private static Map<Long, Account> lockAccounts(Connection connection, long debitAccountId, long creditAccountId)
            throws SQLException {
        Map<Long, Account> locked = new HashMap<>(4);
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ACCOUNTS)) {
            lock.setLong(1, debitAccountId);
            lock.setLong(2, creditAccountId);
            lock.setLong(3, creditAccountId);
            try (ResultSet row = lock.executeQuery()) {
                while (row.next()) {
                    Account account = account(row);
                    locked.put(account.accountId(), account);
                }
            }
        }
        return locked;
    }

    private static Account requireLocked(Map<Long, Account> locked, long accountId) {
        Account account = locked.get(accountId);
        if (account == null) {
            throw new LedgerException("no account " + accountId);
        }
        return account;
    }

    private static Optional<RefusalReason> refusalFor(TransferRequest request, Account debit, Account credit) {
        if (!debit.currency().equals(request.currency()) || !credit.currency().equals(request.currency())) {
            return Optional.of(RefusalReason.CURRENCY_MISMATCH);
        }
        if (debit.kind() == AccountKind.WALLET && debit.balanceMinor() < request.amountMinor()) {
            return Optional.of(RefusalReason.INSUFFICIENT_FUNDS);
        }
        if (credit.kind() == AccountKind.WALLET
                && credit.balanceMinor() > credit.capMinor().orElseThrow() - request.amountMinor()) {
            return Optional.of(RefusalReason.OVER_LIMIT);
        }
        return Optional.empty();
    }

    private static Optional<Transfer> findTransfer(Connection connection, String idempotencyKey)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FIND_TRANSFER)) {
            select.setString(1, idempotencyKey);
            return SqlSupport.first(select, row -> new Transfer(
                    row.getLong("transfer_id"),
                    new TransferRequest(
                            row.getString("idempotency_key"),
                            TransferKind.valueOf(row.getString("kind")),
                            row.getLong("debit_account_id"),
                            row.getLong("credit_account_id"),
                            row.getLong("amount_minor"),
                            row.getString("currency"),
                            SqlSupport.nullableLong(row, "register_serial")),
                    SqlSupport.instant(row, "created_at")));
        }
    }

    private static Transfer insertTransfer(Connection connection, TransferRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TRANSFER)) {
            insert.setString(1, request.idempotencyKey());
            insert.setString(2, request.kind().name());
            insert.setLong(3, request.debitAccountId());
            insert.setLong(4, request.creditAccountId());
            insert.setLong(5, request.amountMinor());
            insert.setString(6, request.currency());
            SqlSupport.setNullableLong(insert, 7, request.registerSerial());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new Transfer(row.getLong("transfer_id"), request, SqlSupport.instant(row, "created_at"));
            }
        }
    }
}
