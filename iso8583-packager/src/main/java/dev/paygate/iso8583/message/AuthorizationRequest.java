package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import java.time.Clock;
import java.time.YearMonth;
import org.jpos.iso.ISOMsg;

/**
 * 0100: asks the issuer to approve and hold an amount (dual-message networks). Elements: 2, 3, 4,
 * 7, 11, 12, 13, 14, 18, 22, 25, 32, 37, 41, 42, 43, 49.
 *
 * @param expiry DE 14
 */
public record AuthorizationRequest(
        KeyFields keyFields, YearMonth expiry, CardAcceptor acceptor, PointOfService pointOfService) {

    public AuthorizationRequest {
        // The shared shape checks the components, so every message type validates them alike.
        new CardRequestFields(keyFields, expiry, acceptor, pointOfService);
    }

    public ISOMsg toIsoMsg() {
        return fields().toIsoMsg(Mti.AUTHORIZATION_REQUEST);
    }

    public static AuthorizationRequest fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static AuthorizationRequest fromIsoMsg(ISOMsg message, Clock clock) {
        CardRequestFields fields = CardRequestFields.fromIsoMsg(message, Mti.AUTHORIZATION_REQUEST, clock);
        return new AuthorizationRequest(fields.keyFields(), fields.expiry(), fields.acceptor(), fields.pointOfService());
    }

    private CardRequestFields fields() {
        return new CardRequestFields(keyFields, expiry, acceptor, pointOfService);
    }
}
