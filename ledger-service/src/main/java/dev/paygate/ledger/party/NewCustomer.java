package dev.paygate.ledger.party;

import dev.paygate.ledger.Money;
import dev.paygate.ledger.Text;

/**
 * A customer to enroll, with the wallet opened for them.
 *
 * @param walletCapMinor the most the wallet may hold
 */
public record NewCustomer(String customerId, String displayName, String walletCurrency, long walletCapMinor) {

    public NewCustomer {
        PartyIds.require(customerId, "customerId");
        Text.requireLength(displayName, "displayName", 140);
        Money.requireCurrency(walletCurrency);
        Money.requireNotNegative(walletCapMinor, "walletCapMinor");
    }
}
