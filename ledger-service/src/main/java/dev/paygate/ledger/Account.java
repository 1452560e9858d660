package dev.paygate.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An account and its balance as read.
 *
 * @param code    {@code wallet:<customerId>}, {@code till:<merchantId>} or {@code card-clearing:EUR}
 * @param ownerId the customer (wallet) or merchant (till); null for system accounts
 * @param capMinor the wallet's balance cap; empty for tills and system accounts
 */
public record Account(
        long accountId,
        String code,
        AccountKind kind,
        String ownerId,
        String currency,
        long balanceMinor,
        OptionalLong capMinor,
        Instant createdAt) {

    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(capMinor, "capMinor");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static String walletCode(String customerId) {
        return "wallet:" + customerId;
    }

    public static String tillCode(String merchantId) {
        return "till:" + merchantId;
    }
}
