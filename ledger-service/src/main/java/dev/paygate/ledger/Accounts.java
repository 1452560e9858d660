package dev.paygate.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Read-only lookups of accounts and balances, for pages, health and operators. A till's balance counts its credits
 * not yet folded ({@link TillCredits}).
 */
public final class Accounts {

    /** Tills listed at most at once; a payment server with more merchants pages through them. */
    public static final int TILLS_LISTED_MAX = 10_000;

    private final Transactions transactions;

    public Accounts(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    public Optional<Account> wallet(String customerId) {
        return byCode(Account.walletCode(customerId));
    }

    public Optional<Account> till(String merchantId) {
        return byCode(Account.tillCode(merchantId));
    }

    public Optional<Account> byCode(String code) {
        return transactions.inTransaction(connection -> Journal.accountByCode(connection, code));
    }

    /** Every merchant till, in account order. */
    public List<Account> tills() {
        return list("where kind = 'TILL' order by account_id limit " + TILLS_LISTED_MAX);
    }

    /** The payment server's own accounts (card clearing, bank settlement, top-up funding). */
    public List<Account> systemAccounts() {
        return list("where kind = 'SYSTEM' order by code");
    }

    private List<Account> list(String condition) {
        return transactions.inTransaction(connection -> select(connection, condition));
    }

    private static List<Account> select(Connection connection, String condition) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + Journal.ACCOUNT_COLUMNS + " from ledger.account_balance " + condition)) {
            return SqlSupport.list(select, Journal::account);
        }
    }
}
