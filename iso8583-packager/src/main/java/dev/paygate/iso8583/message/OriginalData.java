package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.field.PackagingException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * Original data elements (DE 90, n42): the MTI, STAN, transmission date and time (DE 7) and
 * acquirer of the transaction being reversed, plus the forwarding institution (zeros when none).
 * DE 90 carries the original STAN so the issuer can match this reversal.
 *
 * @param acquirerId the original DE 32, 1 to 11 digits; right-justified and zero-filled on the wire
 * @param forwardingInstitutionId the original DE 33, 1 to 11 digits, "0" when there was none
 */
public record OriginalData(Mti mti, Stan stan, Instant transmittedAt, String acquirerId, String forwardingInstitutionId) {

    static final int LENGTH = 42;
    private static final int INSTITUTION_DIGITS = 11;

    public OriginalData {
        Objects.requireNonNull(mti, "mti");
        Objects.requireNonNull(stan, "stan");
        transmittedAt = Objects.requireNonNull(transmittedAt, "transmittedAt").truncatedTo(ChronoUnit.SECONDS);
        acquirerId = normalise("acquirer id", acquirerId);
        forwardingInstitutionId = normalise("forwarding institution id", forwardingInstitutionId);
    }

    /** The original data of a request that is about to be reversed. */
    public static OriginalData of(Mti mti, KeyFields original) {
        return new OriginalData(mti, original.stan(), original.transmittedAt(), original.acquirerId(), "0");
    }

    /** The 42-digit DE 90 value. */
    public String toDigits() {
        return mti.value() + stan.digits() + DataElements.formatTransmission(transmittedAt)
                + pad(acquirerId) + pad(forwardingInstitutionId);
    }

    static OriginalData fromIsoMsg(ISOMsg message, Clock clock) {
        String digits = DataElements.numeric(message, DataElements.ORIGINAL_DATA, LENGTH);
        try {
            return new OriginalData(
                    Mti.parse(digits.substring(0, 4)),
                    Stan.parse(digits.substring(4, 10)),
                    DataElements.parseTransmission(message, DataElements.ORIGINAL_DATA, digits.substring(10, 20), clock),
                    digits.substring(20, 31),
                    digits.substring(31, 42));
        } catch (IllegalArgumentException e) {
            throw new PackagingException(message.getString(0), DataElements.ORIGINAL_DATA, e.getMessage());
        }
    }

    /** Leading zeros carry no meaning, so "000001234" and "1234" name the same institution. */
    private static String normalise(String name, String digits) {
        if (digits == null || !digits.matches("\\d{1," + INSTITUTION_DIGITS + "}")) {
            throw new IllegalArgumentException(name + " must be 1 to " + INSTITUTION_DIGITS + " digits");
        }
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    private static String pad(String digits) {
        return "0".repeat(INSTITUTION_DIGITS - digits.length()) + digits;
    }
}
