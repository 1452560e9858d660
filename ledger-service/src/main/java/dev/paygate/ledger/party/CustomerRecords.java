package dev.paygate.ledger.party;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.AccountKind;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.Money;
import dev.paygate.ledger.SqlSupport;
import dev.paygate.ledger.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** Enrolls customers, each with one wallet, and freezes or unfreezes them. */
public final class CustomerRecords {

    private static final String SELECT_CUSTOMER = "select c.customer_id, c.display_name, c.wallet_account_id,"
            + " a.currency, a.cap_minor, c.blocked, c.created_at"
            + " from ledger.customer c join ledger.account a on a.account_id = c.wallet_account_id"
            + " where c.customer_id = ?";

    private final PartyRows<Customer> rows;

    public CustomerRecords(DataSource dataSource) {
        this.rows = new PartyRows<>(new Transactions(dataSource), "customer", CustomerRecords::find);
    }

    /** Enrolls the customer and opens their empty wallet; throws {@link PartyExistsException} if the id is taken. */
    public Customer create(NewCustomer customer) {
        return rows.enroll(customer.customerId(), connection -> {
            Account wallet = Journal.openAccount(connection, AccountKind.WALLET,
                    Account.walletCode(customer.customerId()), customer.customerId(),
                    customer.walletCurrency(), OptionalLong.of(customer.walletCapMinor()));
            try (PreparedStatement insert = connection.prepareStatement("insert into ledger.customer"
                    + " (customer_id, display_name, wallet_account_id) values (?, ?, ?)")) {
                insert.setString(1, customer.customerId());
                insert.setString(2, customer.displayName());
                insert.setLong(3, wallet.accountId());
                insert.executeUpdate();
            }
        });
    }

    public Optional<Customer> find(String customerId) {
        return rows.find(customerId);
    }

    /** Freezes (or unfreezes) the customer: a blocked customer's payments are refused with {@code customer_blocked}. */
    public Customer setBlocked(String customerId, boolean blocked) {
        return rows.change(customerId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update ledger.customer set blocked = ? where customer_id = ?")) {
                update.setBoolean(1, blocked);
                update.setString(2, customerId);
                update.executeUpdate();
            }
        });
    }

    /** Changes the wallet's cap; the database refuses a cap below the current balance. */
    public Customer setWalletCap(String customerId, long walletCapMinor) {
        Money.requireNotNegative(walletCapMinor, "walletCapMinor");
        return rows.change(customerId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("update ledger.account set cap_minor = ?"
                    + " where account_id = (select wallet_account_id from ledger.customer where customer_id = ?)")) {
                update.setLong(1, walletCapMinor);
                update.setString(2, customerId);
                update.executeUpdate();
            }
        });
    }

    private static Optional<Customer> find(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_CUSTOMER)) {
            select.setString(1, customerId);
            return SqlSupport.first(select, row -> new Customer(
                    row.getString("customer_id"),
                    row.getString("display_name"),
                    row.getLong("wallet_account_id"),
                    row.getString("currency"),
                    row.getLong("cap_minor"),
                    row.getBoolean("blocked"),
                    SqlSupport.instant(row, "created_at")));
        }
    }
}
