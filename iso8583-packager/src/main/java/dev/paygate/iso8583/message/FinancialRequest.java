package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Mti;
import java.time.Clock;
import java.time.YearMonth;
import org.jpos.iso.ISOMsg;

/**
 * 0200: asks the issuer to approve and post an amount at once (single-message networks;
 * the wallet top-up). A {@link TransactionType#REFUND} credits the cardholder. Elements: 2, 3, 4,
 * 7, 11, 12, 13, 14, 18, 22, 25, 32, 37, 41, 42, 43, 49.
 *
 * @param expiry DE 14
 */
public record FinancialRequest(
        KeyFields keyFields, YearMonth expiry, CardAcceptor acceptor, PointOfService pointOfService) {

    public FinancialRequest {
        // The shared shape checks the components, so every message type validates them alike.
        new CardRequestFields(keyFields, expiry, acceptor, pointOfService);
    }

    public ISOMsg toIsoMsg() {
        return fields().toIsoMsg(Mti.FINANCIAL_REQUEST);
    }

    public static FinancialRequest fromIsoMsg(ISOMsg message) {
        return fromIsoMsg(message, Clock.systemUTC());
    }

    /** @param clock picks the year of DE 7, which has none */
    public static FinancialRequest fromIsoMsg(ISOMsg message, Clock clock) {
        CardRequestFields fields = CardRequestFields.fromIsoMsg(message, Mti.FINANCIAL_REQUEST, clock);
        return new FinancialRequest(fields.keyFields(), fields.expiry(), fields.acceptor(), fields.pointOfService());
    }

    private CardRequestFields fields() {
        return new CardRequestFields(keyFields, expiry, acceptor, pointOfService);
    }
}
