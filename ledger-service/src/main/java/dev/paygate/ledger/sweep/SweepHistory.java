package dev.paygate.ledger.sweep;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** What the daily sweeps paid a merchant, newest first: the merchant's view of its settlements. */
public final class SweepHistory {

    public static final int ENTRIES_MAX = 100;

    private final Transactions transactions;

    public SweepHistory(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /** @param limit 1..{@value #ENTRIES_MAX} */
    public List<MerchantSweep> forMerchant(String merchantId, int limit) {
        Objects.requireNonNull(merchantId, "merchantId");
        requireLimit(limit);
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select business_day, amount_minor, currency, creditor_iban, created_at
                    from ledger.sweep_payment where merchant_id = ?
                    order by business_day desc limit ?""")) {
                select.setString(1, merchantId);
                select.setInt(2, limit);
                return SqlSupport.list(select, row -> new MerchantSweep(row.getObject("business_day", LocalDate.class),
                        row.getLong("amount_minor"), row.getString("currency"), row.getString("creditor_iban"),
                        row.getTimestamp("created_at").toInstant()));
            }
        });
    }

    /**
     * The latest sweep runs across all merchants, newest business day first, with what each paid out per currency:
     * the operator's list of settlement files. A run that paid nobody has no file.
     *
     * @param limit 1..{@value #ENTRIES_MAX}
     */
    public List<SweepRun> recentRuns(int limit) {
        requireLimit(limit);
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.business_day, r.message_id, r.created_at, r.completed_at, p.currency,
                           count(p.sweep_payment_id) as payments, coalesce(sum(p.amount_minor), 0) as amount_minor
                    from (select * from ledger.sweep_run order by business_day desc limit ?) r
                    left join ledger.sweep_payment p on p.business_day = r.business_day
                    group by r.business_day, r.message_id, r.created_at, r.completed_at, p.currency
                    order by r.business_day desc, p.currency""")) {
                select.setInt(1, limit);
                List<SweepRun> runs = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate businessDay = row.getObject("business_day", LocalDate.class);
                        SweepRun.Total total = row.getString("currency") == null ? null : new SweepRun.Total(
                                row.getString("currency"), row.getInt("payments"), row.getLong("amount_minor"));
                        SweepRun last = runs.isEmpty() ? null : runs.getLast();
                        if (last != null && last.businessDay().equals(businessDay)) {
                            runs.set(runs.size() - 1, last.with(total));
                        } else {
                            runs.add(new SweepRun(businessDay, row.getString("message_id"),
                                    SqlSupport.instant(row, "created_at"), SqlSupport.instant(row, "completed_at"),
                                    total == null ? null : SettlementFile.fileName(businessDay),
                                    total == null ? List.of() : List.of(total)));
                        }
                    }
                }
                return runs;
            }
        });
    }

    /**
     * One day's sweep.
     *
     * @param completedAt      null while the run is under way (or died mid-way: the next run completes it)
     * @param settlementFile   the pain.001 file's name in the sweep's output directory; null when nobody was paid
     * @param totals           what was paid out, per currency
     */
    public record SweepRun(LocalDate businessDay, String messageId, Instant startedAt, Instant completedAt,
                           String settlementFile, List<Total> totals) {

        public SweepRun {
            totals = List.copyOf(totals);
        }

        /** @param payments how many merchants were paid in this currency */
        public record Total(String currency, int payments, long amountMinor) {
        }

        SweepRun with(Total total) {
            List<Total> more = new ArrayList<>(totals);
            more.add(total);
            return new SweepRun(businessDay, messageId, startedAt, completedAt, settlementFile, more);
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > ENTRIES_MAX) {
            throw new IllegalArgumentException("limit must be within 1.." + ENTRIES_MAX + ": " + limit);
        }
    }

    /** One day's payment to the merchant's bank account. */
    public record MerchantSweep(LocalDate businessDay, long amountMinor, String currency, String creditorIban,
                                Instant paidAt) {
    }
}
