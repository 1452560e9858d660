package dev.paygate.ledger.register;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A merchant's view of its own register entries: search with filters, and one payment with its basket and refunds.
 * Every query is scoped to the merchant: another merchant's ticket is answered exactly as an unknown one.
 */
public final class MerchantPayments {

    /** Entries one page shows at most. */
    public static final int PAGE_SIZE_MAX = 100;
    /** How deep a merchant may page; a search narrows further than that. */
    public static final int OFFSET_MAX = 100_000;
    /** Refunds one payment lists at most; each is at least one minor unit of the paid amount. */
    private static final int REFUNDS_LISTED_MAX = 1_000;

    private final Transactions transactions;

    public MerchantPayments(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * The merchant's entries that match every given filter, newest first.
     *
     * @param offset 0..{@value #OFFSET_MAX}
     * @param limit  1..{@value #PAGE_SIZE_MAX}
     */
    public Page search(String merchantId, PaymentFilter filter, int offset, int limit) {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(filter, "filter");
        if (offset < 0 || offset > OFFSET_MAX || limit < 1 || limit > PAGE_SIZE_MAX) {
            throw new IllegalArgumentException("offset 0.." + OFFSET_MAX + " and limit 1.." + PAGE_SIZE_MAX
                    + ": " + offset + ", " + limit);
        }
        return transactions.inSnapshot(connection -> {
            Condition where = condition(merchantId, filter);
            long total;
            try (PreparedStatement count = where.prepare(connection,
                    "select count(*) from ledger.register_entry where " + where.sql(), List.of())) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
            }
            try (PreparedStatement select = where.prepare(connection, "select serial from ledger.register_entry where "
                    + where.sql() + " order by serial desc limit ? offset ?", List.of(limit, offset))) {
                return new Page(total, SqlSupport.list(select,
                        row -> RegisterStore.findBySerial(connection, row.getLong("serial")).orElseThrow()));
            }
        });
    }

    /** One of the merchant's payments with its basket lines and refunds; empty for an unknown or another's ticket. */
    public Optional<Payment> find(String merchantId, String ticketId) {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(ticketId, "ticketId");
        return transactions.inSnapshot(connection -> {
            Optional<RegisterEntry> entry = RegisterStore.findByTicket(connection, ticketId, false)
                    .filter(found -> found.merchantId().equals(merchantId));
            if (entry.isEmpty()) {
                return Optional.<Payment>empty();
            }
            long serial = entry.get().serial();
            return Optional.of(new Payment(entry.get(), RegisterStore.items(connection, serial),
                    refunds(connection, serial)));
        });
    }

    private static List<Refund> refunds(Connection connection, long serial) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select r.refund_id, r.amount_minor, t.currency, r.idempotency_key, r.created_at, credit.code
                from ledger.refund r join ledger.transfer t on t.transfer_id = r.transfer_id
                join ledger.account credit on credit.account_id = t.credit_account_id
                where r.serial = ? order by r.refund_id limit ?""")) {
            select.setLong(1, serial);
            select.setInt(2, REFUNDS_LISTED_MAX);
            return SqlSupport.list(select, row -> {
                // A refund to the card credits the card clearing account, which the network settles.
                boolean toCard = row.getString("code").startsWith("card-clearing:");
                return new Refund(row.getLong("refund_id"), row.getLong("amount_minor"), row.getString("currency"),
                        toCard ? "card" : "wallet", row.getString("idempotency_key"),
                        SqlSupport.instant(row, "created_at"));
            });
        }
    }

    /** The filters as one SQL condition with its parameters, in order. */
    private static Condition condition(String merchantId, PaymentFilter filter) {
        StringBuilder sql = new StringBuilder("merchant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(merchantId));
        if (filter.text() != null) {
            String text = filter.text();
            // Whatever the merchant holds of a payment: its ids, the customer, the register serial the voucher
            // carried, or the card network's references (a STAN also without its leading zeros).
            sql.append(" and (ticket_id = ? or order_id = ? or customer_id = ? or merchant_serial = ? or rrn = ?"
                    + " or auth_code = ? or stan = ? or serial = ?)");
            parameters.addAll(List.of(text, text, text, text, text, text.toUpperCase(Locale.ROOT),
                    text.matches("[0-9]{1,6}") ? "%06d".formatted(Integer.parseInt(text)) : text,
                    text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1L));
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            parameters.add(filter.status().name());
        }
        if (filter.path() != null) {
            sql.append(" and path = ?");
            parameters.add(filter.path().code());
        }
        if (filter.registeredFrom() != null) {
            sql.append(" and registered_at >= ?");
            parameters.add(Timestamp.from(filter.registeredFrom()));
        }
        if (filter.registeredBefore() != null) {
            sql.append(" and registered_at < ?");
            parameters.add(Timestamp.from(filter.registeredBefore()));
        }
        return new Condition(sql.toString(), List.copyOf(parameters));
    }

    private record Condition(String sql, List<Object> parameters) {

        PreparedStatement prepare(Connection connection, String statement, List<Object> more) throws SQLException {
            PreparedStatement prepared = connection.prepareStatement(statement);
            int index = 1;
            for (Object parameter : parameters) {
                prepared.setObject(index++, parameter);
            }
            for (Object parameter : more) {
                prepared.setObject(index++, parameter);
            }
            return prepared;
        }
    }

    /** @param totalEntries every match of the filter, not only this page's */
    public record Page(long totalEntries, List<RegisterEntry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** A payment as its merchant sees it: the register entry, the basket lines registered with it, the refunds. */
    public record Payment(RegisterEntry entry, List<OrderItem> items, List<Refund> refunds) {
        public Payment {
            items = List.copyOf(items);
            refunds = List.copyOf(refunds);
        }
    }

    /**
     * One refund of a payment.
     *
     * @param to             {@code wallet} (back to the customer's wallet) or {@code card} (a credit to the card)
     * @param idempotencyKey the key the merchant gave it
     */
    public record Refund(long refundId, long amountMinor, String currency, String to, String idempotencyKey,
                         Instant refundedAt) {
    }
}
