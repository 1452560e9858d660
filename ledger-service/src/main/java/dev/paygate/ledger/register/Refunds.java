package dev.paygate.ledger.register;

import dev.paygate.ledger.IdempotencyConflictException;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.Money;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.Transactions;
import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.TransferRequest;
import dev.paygate.ledger.TransferResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Gives money back from the merchant's till: to the customer's wallet, for wallet and card payments alike,
 * or to the card of a card payment once its network approved the credit. The refunds of a payment never add up to more than was paid: checked here under the
 * entry's row lock, and again by the database's {@code refunds_within_paid_amount} constraint.
 */
public final class Refunds {

    private final Transactions transactions;

    public Refunds(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Back to the customer's wallet.
     *
     * @param idempotencyKey unique per refund; a replay returns the first outcome and moves nothing
     */
    public RefundOutcome refund(String ticketId, long amountMinor, String idempotencyKey) {
        return refund(ticketId, amountMinor, idempotencyKey, false);
    }

    /**
     * Back to the card of a card payment, after the card network approved the credit: the till pays the card
     * clearing account, which the network settles.
     */
    public RefundOutcome refundToCard(String ticketId, long amountMinor, String idempotencyKey) {
        return refund(ticketId, amountMinor, idempotencyKey, true);
    }

    /** The refund an idempotency key made, if any: a caller checks it before asking a card network again. */
    public Optional<RefundOutcome> find(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select refund_id from ledger.refund where idempotency_key = ?")) {
                select.setString(1, idempotencyKey);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new RefundOutcome(true, null, row.getLong("refund_id"), true))
                            : Optional.<RefundOutcome>empty();
                }
            }
        });
    }

    private RefundOutcome refund(String ticketId, long amountMinor, String idempotencyKey, boolean toCard) {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Money.requirePositive(amountMinor, "amountMinor");
        return transactions.inTransaction(connection -> {
            Optional<RegisterEntry> found = RegisterStore.findByTicket(connection, ticketId, true);
            if (found.isEmpty()) {
                return RefundOutcome.refused(RefusalReason.UNKNOWN_TICKET);
            }
            RegisterEntry entry = found.get();
            Optional<RefundOutcome> replayed = replay(connection, entry, amountMinor, idempotencyKey);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            if (entry.status() != RegisterStatus.APPROVED || entry.path() == SettlementPath.AUTH_ONLY
                    || (toCard && entry.path() != SettlementPath.CARD)) {
                return RefundOutcome.refused(RefusalReason.NOT_REFUNDABLE);
            }
            if (amountMinor > entry.amountMinor() - entry.refundedMinor()) {
                return RefundOutcome.refused(RefusalReason.EXCEEDS_PAID_AMOUNT);
            }
            OrderParties parties = OrderParties.resolve(connection, entry.customerId(), entry.merchantId());
            Long creditAccountId = toCard
                    ? Journal.systemAccount(connection, SystemAccount.CARD_CLEARING, entry.currency()).accountId()
                    : parties.walletAccountId();
            if (creditAccountId == null) {
                return RefundOutcome.refused(RefusalReason.UNKNOWN_CUSTOMER);
            }
            TransferResult moved = Journal.post(connection, new TransferRequest("refund:" + idempotencyKey,
                    TransferKind.REFUND, parties.tillAccountId(), creditAccountId, amountMinor,
                    entry.currency(), entry.serial()));
            return switch (moved) {
                case TransferResult.Refused refused -> RefundOutcome.refused(refused.reason());
                case TransferResult.Posted posted -> new RefundOutcome(true, null,
                        insertRefund(connection, entry.serial(), idempotencyKey, amountMinor,
                                posted.transfer().transferId()), false);
            };
        });
    }

    private static Optional<RefundOutcome> replay(Connection connection, RegisterEntry entry, long amountMinor,
            String idempotencyKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select refund_id, serial, amount_minor from ledger.refund where idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                if (row.getLong("serial") != entry.serial() || row.getLong("amount_minor") != amountMinor) {
                    throw new IdempotencyConflictException(idempotencyKey,
                            "a refund of " + row.getLong("amount_minor") + " on serial " + row.getLong("serial"),
                            "a refund of " + amountMinor + " on serial " + entry.serial());
                }
                return Optional.of(new RefundOutcome(true, null, row.getLong("refund_id"), true));
            }
        }
    }

    private static long insertRefund(Connection connection, long serial, String idempotencyKey, long amountMinor,
            long transferId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into ledger.refund"
                + " (serial, idempotency_key, amount_minor, transfer_id) values (?, ?, ?, ?) returning refund_id")) {
            insert.setLong(1, serial);
            insert.setString(2, idempotencyKey);
            insert.setLong(3, amountMinor);
            insert.setLong(4, transferId);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong("refund_id");
            }
        }
    }
}
