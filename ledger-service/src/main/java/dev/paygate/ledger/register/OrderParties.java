package dev.paygate.ledger.register;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.SqlSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The customer's wallet and the merchant's till behind an order, read in one statement.
 * Null ids mean the party is unknown.
 */
record OrderParties(Long walletAccountId, String walletCurrency, boolean customerBlocked, Long tillAccountId,
        String tillCurrency) {

    private static final String RESOLVE = "select c.wallet_account_id, w.currency as wallet_currency, c.blocked,"
            + " m.till_account_id, t.currency as till_currency"
            + " from (values (1)) as one (unused)"
            + " left join ledger.customer c on c.customer_id = ?"
            + " left join ledger.account w on w.account_id = c.wallet_account_id"
            + " left join ledger.merchant m on m.merchant_id = ?"
            + " left join ledger.account t on t.account_id = m.till_account_id";

    static OrderParties resolve(Connection connection, String customerId, String merchantId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(RESOLVE)) {
            select.setString(1, customerId);
            select.setString(2, merchantId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new OrderParties(
                        SqlSupport.nullableLong(row, "wallet_account_id"),
                        row.getString("wallet_currency"),
                        row.getBoolean("blocked"),
                        SqlSupport.nullableLong(row, "till_account_id"),
                        row.getString("till_currency"));
            }
        }
    }

    /**
     * Why the ledger refuses the order on this path before any money is looked at. The wallet's
     * currency matters only when the wallet pays.
     */
    Optional<RefusalReason> refusalFor(String orderCurrency, SettlementPath path) {
        if (tillAccountId == null) {
            return Optional.of(RefusalReason.UNKNOWN_MERCHANT);
        }
        if (walletAccountId == null) {
            return Optional.of(RefusalReason.UNKNOWN_CUSTOMER);
        }
        if (customerBlocked) {
            return Optional.of(RefusalReason.CUSTOMER_BLOCKED);
        }
        boolean tillMismatch = path != SettlementPath.AUTH_ONLY && !tillCurrency.equals(orderCurrency);
        boolean walletMismatch = path == SettlementPath.WALLET && !walletCurrency.equals(orderCurrency);
        return tillMismatch || walletMismatch ? Optional.of(RefusalReason.CURRENCY_MISMATCH) : Optional.empty();
    }
}
