package dev.paygate.ledger.party;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An account at a bank: IBAN (ISO 13616, check digits verified) and the bank's BIC (ISO 9362).
 * Both are stored without spaces, in capitals.
 */
public record BankAccount(String iban, String bic) {

    private static final Pattern IBAN_SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    private static final Pattern BIC_SHAPE = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public BankAccount {
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(bic, "bic");
        iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        bic = bic.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN_SHAPE.matcher(iban).matches() || !hasValidCheckDigits(iban)) {
            throw new IllegalArgumentException("not a valid IBAN: " + iban);
        }
        if (!BIC_SHAPE.matcher(bic).matches()) {
            throw new IllegalArgumentException("not a valid BIC: " + bic);
        }
    }

    /** ISO 13616: move the first four characters to the end, letters become 10..35, the number mod 97 is 1. */
    private static boolean hasValidCheckDigits(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char character : rearranged.toCharArray()) {
            digits.append(Character.getNumericValue(character));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
