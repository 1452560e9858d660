package dev.paygate.iso8583.message;

import java.util.Arrays;

/**
 * The transaction type: first two digits of the processing code (DE 3). The account-type digits
 * that follow are "0000" (default accounts): a card-not-present acquirer does not choose them.
 */
public enum TransactionType {

    /** Goods and services: a debit of the cardholder (a payment, a wallet top-up). */
    PURCHASE("00"),
    /** Returns: a credit of the cardholder. */
    REFUND("20");

    private static final String DEFAULT_ACCOUNTS = "0000";

    private final String code;

    TransactionType(String code) {
        this.code = code;
    }

    public String processingCode() {
        return code + DEFAULT_ACCOUNTS;
    }

    /** @throws IllegalArgumentException for a transaction type we do not process */
    public static TransactionType fromProcessingCode(String processingCode) {
        return Arrays.stream(values())
                .filter(type -> processingCode != null && processingCode.length() == 6 && processingCode.startsWith(type.code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported processing code (transaction type)"));
    }
}
