package dev.paygate.ledger.sweep;

import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A merchant's own part of a day's settlement file. The file the bank receives pays every merchant swept that day,
 * with their names and IBANs, so a merchant never gets it whole: its extract is the same pain.001.001.09 message
 * (same message id, payment information id and end-to-end id, as the merchant's bank statement shows them) with
 * only the merchant's own credit transfer, its group header counting that one.
 */
public final class MerchantSettlements {

    private final Transactions transactions;
    private final SettlementDebtor debtor;

    public MerchantSettlements(DataSource dataSource, SettlementDebtor debtor) {
        this.transactions = new Transactions(dataSource);
        this.debtor = Objects.requireNonNull(debtor, "debtor");
    }

    /** Empty when the merchant was not paid by that day's sweep. */
    public Optional<Extract> extract(String merchantId, LocalDate businessDay) {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(businessDay, "businessDay");
        return transactions.inSnapshot(connection -> {
            List<SweepPayment> payments = DailySweep.payments(connection, businessDay, merchantId);
            if (payments.isEmpty()) {
                return Optional.<Extract>empty();
            }
            String messageId;
            Instant createdAt;
            try (PreparedStatement run = connection.prepareStatement(
                    "select message_id, created_at from ledger.sweep_run where business_day = ?")) {
                run.setObject(1, businessDay);
                try (ResultSet row = run.executeQuery()) {
                    row.next();
                    messageId = row.getString("message_id");
                    createdAt = SqlSupport.instant(row, "created_at");
                }
            }
            return Optional.of(new Extract(businessDay,
                    "sweep-" + businessDay + "-" + merchantId + "-" + SettlementFile.MESSAGE_DEFINITION + ".xml",
                    SettlementFile.xml(businessDay, messageId, createdAt, debtor, payments)));
        });
    }

    /** @param fileName a name for the download, e.g. {@code sweep-2026-12-04-shop-42-pain.001.001.09.xml} */
    public record Extract(LocalDate businessDay, String fileName, String xml) {
    }
}
