package dev.paygate.ledger.party;

import dev.paygate.ledger.Money;
import java.util.Objects;

/**
 * A merchant to enroll, with the till opened for them.
 *
 * @param mcc                  ISO 18245 merchant category code, 4 digits (DE 18)
 * @param terminalId           card acceptor terminal id, exactly 8 characters (DE 41)
 * @param acceptorId           card acceptor id code, exactly 15 characters (DE 42)
 * @param acceptorNameLocation card acceptor name/location, at most 40 characters (DE 43)
 * @param tillCurrency         the one currency the merchant is paid in
 */
public record NewMerchant(
        String merchantId,
        String name,
        String mcc,
        BankAccount bankAccount,
        String terminalId,
        String acceptorId,
        String acceptorNameLocation,
        String tillCurrency) {

    public NewMerchant {
        PartyIds.require(merchantId, "merchantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mcc, "mcc");
        Objects.requireNonNull(bankAccount, "bankAccount");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(acceptorId, "acceptorId");
        Objects.requireNonNull(acceptorNameLocation, "acceptorNameLocation");
        if (name.isBlank() || name.length() > 140) {
            throw new IllegalArgumentException("name must have 1..140 characters");
        }
        if (!mcc.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("mcc must be 4 digits: " + mcc);
        }
        if (terminalId.length() != 8) {
            throw new IllegalArgumentException("terminalId (DE 41) must be exactly 8 characters: " + terminalId);
        }
        if (acceptorId.length() != 15) {
            throw new IllegalArgumentException("acceptorId (DE 42) must be exactly 15 characters: " + acceptorId);
        }
        if (acceptorNameLocation.isBlank() || acceptorNameLocation.length() > 40) {
            throw new IllegalArgumentException("acceptorNameLocation (DE 43) must have 1..40 characters");
        }
        Money.requireCurrency(tillCurrency);
    }
}
