package dev.paygate.ledger.party;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.AccountKind;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Enrolls merchants, each with one till, and keeps their bank account and card acceptor data. */
public final class MerchantRecords {

    /** Merchants listed at most at once. */
    public static final int MERCHANTS_LISTED_MAX = 10_000;

    private static final String SELECT_MERCHANTS = "select m.merchant_id, m.name, m.mcc, m.iban, m.bic,"
            + " m.terminal_id, m.acceptor_id, m.acceptor_name_location, m.till_account_id, a.currency, m.created_at"
            + " from ledger.merchant m join ledger.account a on a.account_id = m.till_account_id ";

    private final PartyRows<Merchant> rows;

    public MerchantRecords(DataSource dataSource) {
        this.rows = new PartyRows<>(new Transactions(dataSource), "merchant", MerchantRecords::find);
    }

    /** Enrolls the merchant and opens their empty till; throws {@link PartyExistsException} if the id is taken. */
    public Merchant create(NewMerchant merchant) {
        return rows.enroll(merchant.merchantId(), connection -> {
            Account till = Journal.openAccount(connection, AccountKind.TILL, Account.tillCode(merchant.merchantId()),
                    merchant.merchantId(), merchant.tillCurrency(), OptionalLong.empty());
            try (PreparedStatement insert = connection.prepareStatement("insert into ledger.merchant (merchant_id,"
                    + " name, mcc, iban, bic, terminal_id, acceptor_id, acceptor_name_location, till_account_id)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, merchant.merchantId());
                insert.setString(2, merchant.name());
                insert.setString(3, merchant.mcc());
                insert.setString(4, merchant.bankAccount().iban());
                insert.setString(5, merchant.bankAccount().bic());
                insert.setString(6, merchant.terminalId());
                insert.setString(7, merchant.acceptorId());
                insert.setString(8, merchant.acceptorNameLocation());
                insert.setLong(9, till.accountId());
                insert.executeUpdate();
            }
        });
    }

    public Optional<Merchant> find(String merchantId) {
        return rows.find(merchantId);
    }

    public List<Merchant> list() {
        return rows.transactions().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_MERCHANTS + "order by m.merchant_id limit " + MERCHANTS_LISTED_MAX)) {
                return SqlSupport.list(select, MerchantRecords::merchant);
            }
        });
    }

    /** Changes where the sweep pays the merchant from the next sweep on; past sweeps keep the old account. */
    public Merchant changeBankAccount(String merchantId, BankAccount bankAccount) {
        return rows.change(merchantId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update ledger.merchant set iban = ?, bic = ? where merchant_id = ?")) {
                update.setString(1, bankAccount.iban());
                update.setString(2, bankAccount.bic());
                update.setString(3, merchantId);
                update.executeUpdate();
            }
        });
    }

    private static Optional<Merchant> find(Connection connection, String merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_MERCHANTS + "where m.merchant_id = ?")) {
            select.setString(1, merchantId);
            return SqlSupport.first(select, MerchantRecords::merchant);
        }
    }

    private static Merchant merchant(ResultSet row) throws SQLException {
        return new Merchant(
                row.getString("merchant_id"),
                row.getString("name"),
                row.getString("mcc"),
                new BankAccount(row.getString("iban"), row.getString("bic")),
                row.getString("terminal_id"),
                row.getString("acceptor_id"),
                row.getString("acceptor_name_location"),
                row.getLong("till_account_id"),
                row.getString("currency"),
                SqlSupport.instant(row, "created_at"));
    }
}
