package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.ORIGINAL_DATA;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Stan;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * 0400 reversal request or 0420 reversal advice, or their repeat (0401, 0421). It repeats the original's card,
 * amount, RRN and card acceptor under its own STAN and DE 7, and names the original in DE 90. Elements: 2, 3, 4,
 * 7, 11, 12, 13, 32, 37, 41, 42, 49, 90.
 *
 * @param repeat sent again because the first one may have gone unanswered: the same STAN, DE 7 and data, only the
 *               MTI's last digit changes (ISO 8583:1987 message origin "repeat"), so the issuer knows it may
 *               already have seen it
 */
public record ReversalRequest(ReversalKind kind, KeyFields keyFields, OriginalData original, boolean repeat) {

    public ReversalRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(original, "original");
    }

    /** The first transmission. */
    public ReversalRequest(ReversalKind kind, KeyFields keyFields, OriginalData original) {
        this(kind, keyFields, original, false);
    }

    /** This reversal as its repeat: 0401 or 0421, nothing else changed. */
    public ReversalRequest asRepeat() {
        return new ReversalRequest(kind, keyFields, original, true);
    }

    public Mti mti() {
        return repeat ? kind.repeatMti() : kind.requestMti();
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
        ISOMsg message = DataElements.newMessage(mti());
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
        Mti mti = DataElements.expectMti(message, Mti.REVERSAL_REQUEST, Mti.REVERSAL_ADVICE,
                Mti.REVERSAL_REQUEST_REPEAT, Mti.REVERSAL_ADVICE_REPEAT);
        return DataElements.mapping(message, () -> {
            KeyFields keyFields = KeyFields.readFrom(message, clock);
            DataElements.checkLocalTimes(message);
            return new ReversalRequest(ReversalKind.ofRequest(mti), keyFields, OriginalData.fromIsoMsg(message, clock),
                    mti.isRepeat());
        });
    }
}
