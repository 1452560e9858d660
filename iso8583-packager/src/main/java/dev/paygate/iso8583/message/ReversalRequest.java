package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.ORIGINAL_DATA;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Stan;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * 0400 reversal request or 0420 reversal advice. It repeats the original's card, amount, RRN and
 * card acceptor under its own STAN and DE 7, and names the original in DE 90. Elements: 2, 3, 4,
 * 7, 11, 12, 13, 32, 37, 41, 42, 49, 90.
 */
public record ReversalRequest(ReversalKind kind, KeyFields keyFields, OriginalData original) {

    public ReversalRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(original, "original");
    }

    /** Reverses a card request (0100 or 0200) under a new trace. */
    public static ReversalRequest reversing(CardRequest original, ReversalKind kind, Stan stan, Instant transmittedAt) {
        return reversing(original.mti(), original.keyFields(), kind, stan, transmittedAt);
    }

    /** Reverses any request given its MTI and key fields, e.g. when rebuilt from storage. */
    public static ReversalRequest reversing(
            Mti originalMti, KeyFields original, ReversalKind kind, Stan stan, Instant transmittedAt) {
        return new ReversalRequest(kind, original.withTrace(stan, transmittedAt), OriginalData.of(originalMti, original));
    }

    public ISOMsg toIsoMsg() {
        ISOMsg message = DataElements.newMessage(kind.requestMti());
        keyFields.writeTo(message);
        DataElements.setTimes(message, keyFields.transmittedAt());
        DataElements.set(message, ORIGINAL_DATA, original.toDigits());
        return message;
    }

    public static ReversalRequest fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7 and of the original's date, which have none */
    public static ReversalRequest fromIsoMsg(ISOMsg message, Clock clock) {
        Mti mti = DataElements.expectMti(message, Mti.REVERSAL_REQUEST, Mti.REVERSAL_ADVICE);
        return DataElements.mapping(message, () -> {
            KeyFields keyFields = KeyFields.readFrom(message, clock);
            DataElements.checkLocalTimes(message);
            return new ReversalRequest(ReversalKind.ofRequest(mti), keyFields, OriginalData.fromIsoMsg(message, clock));
        });
    }
}
