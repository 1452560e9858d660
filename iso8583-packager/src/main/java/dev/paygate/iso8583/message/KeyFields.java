package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.ACQUIRER_ID;
import static dev.paygate.iso8583.message.DataElements.MERCHANT_ID;
import static dev.paygate.iso8583.message.DataElements.PROCESSING_CODE;
import static dev.paygate.iso8583.message.DataElements.STAN;
import static dev.paygate.iso8583.message.DataElements.TERMINAL_ID;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * The data elements a card request carries and its answer echoes, so the acquirer can match the
 * answer and the issuer can find the transaction again: DE 2, 3, 4, 49, 7, 11, 32, 37, 41, 42.
 *
 * @param transmittedAt DE 7, UTC, kept to the second as on the wire
 * @param acquirerId DE 32, 1 to 11 digits
 * @param terminalId DE 41, at most 8 characters
 * @param merchantId DE 42, at most 15 characters
 */
public record KeyFields(
        Pan pan,
        TransactionType type,
        Money amount,
        Stan stan,
        Instant transmittedAt,
        String acquirerId,
        Rrn rrn,
        String terminalId,
        String merchantId) {

    public static final int ACQUIRER_ID_LENGTH_MAX = 11;
    public static final int TERMINAL_ID_LENGTH_MAX = 8;
    public static final int MERCHANT_ID_LENGTH_MAX = 15;

    public KeyFields {
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(stan, "stan");
        Objects.requireNonNull(rrn, "rrn");
        transmittedAt = Objects.requireNonNull(transmittedAt, "transmittedAt").truncatedTo(ChronoUnit.SECONDS);
        if (acquirerId == null || !acquirerId.matches("\\d{1,11}")) {
            throw new IllegalArgumentException("acquirer id (DE 32) must be 1 to 11 digits");
        }
        requirePrintable("terminal id (DE 41)", terminalId, TERMINAL_ID_LENGTH_MAX);
        requirePrintable("merchant id (DE 42)", merchantId, MERCHANT_ID_LENGTH_MAX);
    }

    /** The same transaction under a new trace: a reversal has its own STAN and DE 7. */
    public KeyFields withTrace(Stan newStan, Instant newTransmittedAt) {
        return new KeyFields(pan, type, amount, newStan, newTransmittedAt, acquirerId, rrn, terminalId, merchantId);
    }

    void writeTo(ISOMsg message) {
        DataElements.set(message, DataElements.PAN, pan.digits());
        DataElements.set(message, PROCESSING_CODE, type.processingCode());
        DataElements.setAmount(message, amount);
        DataElements.setTransmissionDateTime(message, transmittedAt);
        DataElements.set(message, STAN, stan.digits());
        DataElements.set(message, ACQUIRER_ID, acquirerId);
        DataElements.set(message, DataElements.RRN, rrn.value());
        DataElements.set(message, TERMINAL_ID, terminalId);
        DataElements.set(message, MERCHANT_ID, merchantId);
    }

    static KeyFields readFrom(ISOMsg message, Clock clock) {
        TransactionType type;
        try {
            type = TransactionType.fromProcessingCode(DataElements.numeric(message, PROCESSING_CODE, 6));
        } catch (IllegalArgumentException e) {
            throw DataElements.fault(message, PROCESSING_CODE, e.getMessage());
        }
        return new KeyFields(
                DataElements.pan(message),
                type,
                DataElements.amount(message),
                DataElements.stan(message),
                DataElements.transmittedAt(message, clock),
                DataElements.acquirerId(message),
                DataElements.rrn(message),
                DataElements.text(message, TERMINAL_ID, TERMINAL_ID_LENGTH_MAX),
                DataElements.text(message, MERCHANT_ID, MERCHANT_ID_LENGTH_MAX));
    }

    private static void requirePrintable(String name, String value, int lengthMax) {
        if (value == null || value.isBlank() || value.length() > lengthMax
                || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException(name + " must be 1 to " + lengthMax + " printable characters");
        }
    }
}
