package dev.paygate.ledger.party;

import dev.paygate.ledger.Money;
import dev.paygate.ledger.Text;
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
        Text.requireLength(name, "name", 140);
        Objects.requireNonNull(mcc, "mcc");
        Objects.requireNonNull(bankAccount, "bankAccount");
        if (!mcc.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("mcc must be 4 digits: " + mcc);
        }
        Text.requireExactLength(terminalId, "terminalId (DE 41)", 8);
        Text.requireExactLength(acceptorId, "acceptorId (DE 42)", 15);
        Text.requireLength(acceptorNameLocation, "acceptorNameLocation (DE 43)", 40);
        Money.requireCurrency(tillCurrency);
    }
}
