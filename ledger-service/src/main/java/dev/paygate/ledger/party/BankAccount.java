package dev.paygate.ledger.party;

import com.prowidesoftware.swift.model.IBAN;
import com.prowidesoftware.swift.model.IbanValidationResult;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account at a bank: IBAN (ISO 13616: check digits and the country's BBAN layout, verified by Prowide's
 * {@link IBAN}, the library that also writes the pain.001 settlement files) and the bank's BIC (ISO 9362).
 * Both are stored without spaces, in capitals.
 */
public record BankAccount(String iban, String bic) {

    private static final Pattern BIC_SHAPE = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public BankAccount {
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(bic, "bic");
        iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        bic = bic.replace(" ", "").toUpperCase(Locale.ROOT);
        IbanValidationResult check = IBAN.validate(iban);
        if (check != IbanValidationResult.OK) {
            throw new IllegalArgumentException("not a valid IBAN: " + iban + " (" + check.message() + ")");
        }
        if (!BIC_SHAPE.matcher(bic).matches()) {
            throw new IllegalArgumentException("not a valid BIC: " + bic);
        }
    }
}
