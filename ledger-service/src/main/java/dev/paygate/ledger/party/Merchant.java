package dev.paygate.ledger.party;

import java.time.Instant;

/** A merchant as the back unit knows them: who to pay, and how to name them to a card network. */
public record Merchant(
        String merchantId,
        String name,
        String mcc,
        BankAccount bankAccount,
        String terminalId,
        String acceptorId,
        String acceptorNameLocation,
        long tillAccountId,
        String tillCurrency,
        Instant createdAt) {
}
