package dev.paygate.ledger.party;

import java.time.Instant;

/** A customer as the back unit knows them: no password, no card number. */
public record Customer(
        String customerId,
        String displayName,
        long walletAccountId,
        String walletCurrency,
        long walletCapMinor,
        boolean blocked,
        Instant createdAt) {
}
