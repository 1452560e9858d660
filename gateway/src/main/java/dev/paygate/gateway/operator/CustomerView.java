package dev.paygate.gateway.operator;

import dev.paygate.ledger.party.Customer;

/**
 * A customer as operators see them: ledger state, front lockout, and the card on file by its masked PAN only.
 *
 * @param blocked   frozen in the ledger: payments are refused with {@code customer_blocked}
 * @param locked    locked by the front after too many wrong passwords
 * @param maskedPan first 6 and last 4 digits of the card on file; null without a card
 */
record CustomerView(String customerId, String displayName, String walletCurrency, long walletCapMinor,
                    boolean blocked, boolean locked, String maskedPan) {

    static CustomerView of(Customer customer, boolean locked, String maskedPan) {
        return new CustomerView(customer.customerId(), customer.displayName(), customer.walletCurrency(),
                customer.walletCapMinor(), customer.blocked(), locked, maskedPan);
    }
}
