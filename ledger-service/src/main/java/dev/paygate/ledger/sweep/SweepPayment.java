package dev.paygate.ledger.sweep;

import dev.paygate.ledger.party.BankAccount;

/**
 * One merchant's payment of a sweep: their whole till balance at the time of the sweep.
 *
 * @param creditorAccount the merchant's bank account as it was when swept
 * @param endToEndId      the reference the merchant's bank shows them
 */
public record SweepPayment(
        String merchantId,
        String creditorName,
        BankAccount creditorAccount,
        long amountMinor,
        String currency,
        String endToEndId,
        long transferId) {
}
