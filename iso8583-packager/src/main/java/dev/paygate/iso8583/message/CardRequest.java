package dev.paygate.iso8583.message;

import static dev.paygate.iso8583.message.DataElements.MERCHANT_NAME_LOCATION;
import static dev.paygate.iso8583.message.DataElements.MERCHANT_TYPE;
import static dev.paygate.iso8583.message.DataElements.POS_CONDITION_CODE;
import static dev.paygate.iso8583.message.DataElements.POS_ENTRY_MODE;

import dev.paygate.iso8583.field.Mti;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;
import org.jpos.iso.ISOMsg;

/**
 * A card request: 0100 asks the issuer to approve and hold an amount (dual-message networks); 0200 asks it
 * to approve and post at once (single-message networks, the wallet top-up), and with
 * {@link TransactionType#REFUND} credits the cardholder. The two differ only in their MTI. Elements: 2, 3,
 * 4, 7, 11, 12, 13, 14, 18, 22, 25, 32, 37, 41, 42, 43, 49.
 *
 * @param expiry DE 14
 */
public record CardRequest(
        Mti mti, KeyFields keyFields, YearMonth expiry, CardAcceptor acceptor, PointOfService pointOfService) {

    public CardRequest {
        Objects.requireNonNull(mti, "mti");
        if (!mti.equals(Mti.AUTHORIZATION_REQUEST) && !mti.equals(Mti.FINANCIAL_REQUEST)) {
            throw new IllegalArgumentException("a card request is a 0100 or a 0200, not " + mti);
        }
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(pointOfService, "pointOfService");
    }

    public ISOMsg toIsoMsg() {
        ISOMsg message = DataElements.newMessage(mti);
        keyFields.writeTo(message);
        DataElements.setTimes(message, keyFields.transmittedAt());
        DataElements.setExpiry(message, expiry);
        DataElements.set(message, MERCHANT_TYPE, acceptor.merchantCategoryCode());
        DataElements.set(message, POS_ENTRY_MODE, pointOfService.entryMode());
        DataElements.set(message, POS_CONDITION_CODE, pointOfService.conditionCode());
        DataElements.set(message, MERCHANT_NAME_LOCATION, acceptor.nameLocation());
        return message;
    }

    public static CardRequest fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static CardRequest fromIsoMsg(ISOMsg message, Clock clock) {
        Mti mti = DataElements.expectMti(message, Mti.AUTHORIZATION_REQUEST, Mti.FINANCIAL_REQUEST);
        return DataElements.mapping(message, () -> {
            KeyFields keyFields = KeyFields.readFrom(message, clock);
            DataElements.checkLocalTimes(message);
            return new CardRequest(
                    mti,
                    keyFields,
                    DataElements.expiry(message),
                    new CardAcceptor(
                            DataElements.text(message, MERCHANT_NAME_LOCATION, CardAcceptor.NAME_LOCATION_LENGTH_MAX),
                            DataElements.numeric(message, MERCHANT_TYPE, 4)),
                    new PointOfService(
                            DataElements.numeric(message, POS_ENTRY_MODE, 3),
                            DataElements.numeric(message, POS_CONDITION_CODE, 2)));
        });
    }
}
