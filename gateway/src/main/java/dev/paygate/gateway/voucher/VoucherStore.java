package dev.paygate.gateway.voucher;

import dev.paygate.gateway.database.FrontSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every voucher the front unit issued (docs/architecture.md step 7: "customers and merchants can look it up"). */
@Component
public record VoucherStore(FrontSchema schema) {

    /** The newest vouchers a listing returns. */
    public static final int LIST_SIZE_MAX = 100;

    private static final String COLUMNS = "vid, tid, mid, cid, oid, compact, created_at, expires_at";

    /** Keeps the voucher; false when the ticket already has one (a ticket settles at most once). */
    public boolean save(StoredVoucher voucher) {
        return schema.jdbc().sql("""
                        INSERT INTO front.voucher (vid, tid, mid, cid, oid, compact, created_at, expires_at)
                        VALUES (:vid, :tid, :mid, :cid, :oid, :compact, :createdAt, :expiresAt)
                        ON CONFLICT (tid) DO NOTHING""")
                .param("vid", voucher.voucherId())
                .param("tid", voucher.ticketId())
                .param("mid", voucher.merchantId())
                .param("cid", voucher.customerId())
                .param("oid", voucher.orderId())
                .param("compact", voucher.compact())
                .param("createdAt", Timestamp.from(voucher.createdAt()))
                .param("expiresAt", Timestamp.from(voucher.expiresAt()))
                .update() == 1;
    }

    public Optional<StoredVoucher> find(String voucherId) {
        return schema.jdbc().sql("SELECT " + COLUMNS + " FROM front.voucher WHERE vid = :vid")
                .param("vid", voucherId)
                .query(VoucherStore::storedVoucher)
                .optional();
    }

    /** The customer's newest vouchers first, at most {@link #LIST_SIZE_MAX}. */
    public List<StoredVoucher> listForCustomer(String customerId) {
        return newestWhere("cid", customerId);
    }

    /** The merchant's newest vouchers first, at most {@link #LIST_SIZE_MAX}. */
    public List<StoredVoucher> listForMerchant(String merchantId) {
        return newestWhere("mid", merchantId);
    }

    /** {@code idColumn} is one of our own column names, never input. */
    private List<StoredVoucher> newestWhere(String idColumn, String id) {
        return schema.jdbc().sql("SELECT " + COLUMNS + " FROM front.voucher WHERE " + idColumn + " = :id"
                        + " ORDER BY created_at DESC, vid LIMIT :limit")
                .param("id", id)
                .param("limit", LIST_SIZE_MAX)
                .query(VoucherStore::storedVoucher)
                .list();
    }

    private static StoredVoucher storedVoucher(ResultSet row, int rowNumber) throws SQLException {
        return new StoredVoucher(
                row.getString("vid"),
                row.getString("tid"),
                row.getString("mid"),
                row.getString("cid"),
                row.getString("oid"),
                row.getString("compact"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("expires_at").toInstant());
    }
}
