package dev.paygate.ledger.party;

import dev.paygate.ledger.Money;
import java.util.Objects;

/**
 * A customer to enroll, with the wallet opened for them.
 *
 * @param walletCapMinor the most the wallet may hold
 */
public record NewCustomer(String customerId, String displayName, String walletCurrency, long walletCapMinor) {

    public NewCustomer {
        PartyIds.require(customerId, "customerId");
        Objects.requireNonNull(displayName, "displayName");
        if (displayName.isBlank() || displayName.length() > 140) {
            throw new IllegalArgumentException("displayName must have 1..140 characters");
        }
        Money.requireCurrency(walletCurrency);
        Money.requireNotNegative(walletCapMinor, "walletCapMinor");
    }
}
