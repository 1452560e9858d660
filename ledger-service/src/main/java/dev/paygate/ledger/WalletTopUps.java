package dev.paygate.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Credits a wallet from the top-up funding account after the customer's card approved a financial
 * request (0200). Check the wallet's room under its cap before charging the card: a top-up refused
 * here after the card approved must be reversed at the card network.
 */
public final class WalletTopUps {

    /** Most top-ups one history lists. */
    public static final int TOP_UPS_LISTED_MAX = 500;

    private final Transactions transactions;

    public WalletTopUps(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * @param idempotencyKey unique per top-up; a replay returns the first outcome and moves nothing
     * @param authCode       DE 38 of the approved financial request
     * @param rrn            DE 37 of the approved financial request
     */
    public TopUpOutcome topUpWallet(String customerId, long amountMinor, String currency, String idempotencyKey,
            String authCode, String rrn) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Money.requirePositive(amountMinor, "amountMinor");
        Money.requireCurrency(currency);
        return transactions.inTransaction(connection -> {
            Optional<WalletHolder> holder = walletHolder(connection, customerId);
            if (holder.isEmpty()) {
                return TopUpOutcome.refused(RefusalReason.UNKNOWN_CUSTOMER);
            }
            Account funding = Journal.systemAccount(connection, SystemAccount.TOP_UP_FUNDING, currency);
            TransferRequest request = new TransferRequest("top-up:" + idempotencyKey, TransferKind.TOP_UP,
                    funding.accountId(), holder.get().walletAccountId(), amountMinor, currency, null);
            Optional<TransferResult.Posted> replayed = Journal.replay(connection, request);
            if (replayed.isPresent()) {
                return TopUpOutcome.of(replayed.get());
            }
            if (holder.get().blocked()) {
                return TopUpOutcome.refused(RefusalReason.CUSTOMER_BLOCKED);
            }
            TransferResult result = Journal.post(connection, request);
            if (result instanceof TransferResult.Posted posted && !posted.replayed()) {
                recordTopUp(connection, customerId, posted.transfer().transferId(), authCode, rrn);
            }
            return TopUpOutcome.of(result);
        });
    }

    /**
     * What this idempotency key has already credited to a wallet, if anything: the caller must not charge the card
     * again, and a request with another amount under the same key is a conflict, not a second top-up.
     */
    public OptionalLong creditedMinor(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select amount_minor from ledger.transfer where idempotency_key = ?")) {
                select.setString(1, "top-up:" + idempotencyKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? OptionalLong.of(row.getLong("amount_minor")) : OptionalLong.empty();
                }
            }
        });
    }

    /**
     * The customer's latest top-ups, newest first, at most {@code limit}: their history lists them beside payments.
     */
    public List<TopUp> recentForCustomer(String customerId, int limit) {
        Objects.requireNonNull(customerId, "customerId");
        if (limit < 1 || limit > TOP_UPS_LISTED_MAX) {
            throw new IllegalArgumentException("limit must be within 1.." + TOP_UPS_LISTED_MAX + ": " + limit);
        }
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select u.top_up_id, t.amount_minor, t.currency, u.auth_code, u.rrn, u.created_at
                    from ledger.top_up u join ledger.transfer t on t.transfer_id = u.transfer_id
                    where u.customer_id = ? order by u.top_up_id desc limit ?""")) {
                select.setString(1, customerId);
                select.setInt(2, limit);
                return SqlSupport.list(select, row -> new TopUp(row.getLong("top_up_id"), row.getLong("amount_minor"),
                        row.getString("currency"), row.getString("auth_code"), row.getString("rrn"),
                        SqlSupport.instant(row, "created_at")));
            }
        });
    }

    /**
     * A wallet credit from the customer's card.
     *
     * @param authCode DE 38 of the approved financial request
     * @param rrn      DE 37 of the financial request
     */
    public record TopUp(long topUpId, long amountMinor, String currency, String authCode, String rrn,
                        Instant toppedUpAt) {
    }

    private record WalletHolder(long walletAccountId, boolean blocked) {
    }

    private static Optional<WalletHolder> walletHolder(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select wallet_account_id, blocked from ledger.customer where customer_id = ?")) {
            select.setString(1, customerId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new WalletHolder(row.getLong("wallet_account_id"), row.getBoolean("blocked")))
                        : Optional.empty();
            }
        }
    }

    private static void recordTopUp(Connection connection, String customerId, long transferId, String authCode,
            String rrn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ledger.top_up (customer_id, transfer_id, auth_code, rrn) values (?, ?, ?, ?)")) {
            insert.setString(1, customerId);
            insert.setLong(2, transferId);
            insert.setString(3, authCode);
            insert.setString(4, rrn);
            insert.executeUpdate();
        }
    }
}
