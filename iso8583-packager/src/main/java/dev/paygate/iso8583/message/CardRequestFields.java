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
 * The elements shared by the authorization (0100) and financial (0200) requests, which differ
 * only in their MTI: key fields, DE 12/13, 14, 18, 22, 25 and 43.
 */
record CardRequestFields(KeyFields keyFields, YearMonth expiry, CardAcceptor acceptor, PointOfService pointOfService) {

    CardRequestFields {
        Objects.requireNonNull(keyFields, "keyFields");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(pointOfService, "pointOfService");
    }

    ISOMsg toIsoMsg(Mti mti) {
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

    static CardRequestFields fromIsoMsg(ISOMsg message, Mti expectedMti, Clock clock) {
        DataElements.expectMti(message, expectedMti);
        return DataElements.mapping(message, () -> {
            KeyFields keyFields = KeyFields.readFrom(message, clock);
            DataElements.checkLocalTimes(message);
            return new CardRequestFields(
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
