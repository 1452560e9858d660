package dev.paygate.ledger.sweep;

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
        if (limit < 1 || limit > ENTRIES_MAX) {
            throw new IllegalArgumentException("limit must be within 1.." + ENTRIES_MAX + ": " + limit);
        }
        return transactions.inSnapshot(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select business_day, amount_minor, currency, creditor_iban, created_at
                    from ledger.sweep_payment where merchant_id = ?
                    order by business_day desc limit ?""")) {
                select.setString(1, merchantId);
                select.setInt(2, limit);
                List<MerchantSweep> sweeps = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sweeps.add(new MerchantSweep(row.getObject("business_day", LocalDate.class),
                                row.getLong("amount_minor"), row.getString("currency"), row.getString("creditor_iban"),
                                row.getTimestamp("created_at").toInstant()));
                    }
                }
                return sweeps;
            }
        });
    }

    /** One day's payment to the merchant's bank account. */
    public record MerchantSweep(LocalDate businessDay, long amountMinor, String currency, String creditorIban,
                                Instant paidAt) {
    }
}
