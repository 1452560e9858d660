package dev.paygate.routes.card;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.AuthorizationRequest;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.FinancialRequest;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.iso8583.field.Money;
import dev.paygate.ledger.party.Merchant;
import java.time.Instant;
import java.time.YearMonth;
import org.jpos.iso.ISOMsg;

/**
 * One card request as we send it: 0100 on dual-message networks, 0200 on single-message ones, 0200 with
 * processing code "20" for a refund. The same shape rebuilds the original of a reversal from the
 * store-and-forward queue.
 */
public record CardRequest(
        Mti mti, KeyFields keyFields, YearMonth expiry, CardAcceptor acceptor) {

    public static CardRequest purchase(boolean singleMessage, String pan, YearMonth expiry, long amountMinor,
                                        String currency, Stan stan, Instant transmittedAt, String acquirerId,
                                        Merchant merchant) {
        return build(singleMessage ? Mti.FINANCIAL_REQUEST : Mti.AUTHORIZATION_REQUEST, TransactionType.PURCHASE,
                pan, expiry, amountMinor, currency, stan, transmittedAt, acquirerId, Rrn.of(transmittedAt, stan),
                merchant.terminalId(), merchant.acceptorId(), merchant.acceptorNameLocation(), merchant.mcc());
    }

    /** A credit back to the card: a financial request (0200) with processing code "20". */
    public static CardRequest refund(String pan, YearMonth expiry, long amountMinor, String currency, Stan stan,
                                      Instant transmittedAt, String acquirerId, Merchant merchant) {
        return build(Mti.FINANCIAL_REQUEST, TransactionType.REFUND, pan, expiry, amountMinor, currency, stan,
                transmittedAt, acquirerId, Rrn.of(transmittedAt, stan), merchant.terminalId(), merchant.acceptorId(),
                merchant.acceptorNameLocation(), merchant.mcc());
    }

    public static CardRequest build(Mti mti, TransactionType type, String pan, YearMonth expiry, long amountMinor,
                                     String currency, Stan stan, Instant transmittedAt, String acquirerId, Rrn rrn,
                                     String terminalId, String acceptorId, String acceptorNameLocation, String mcc) {
        KeyFields keyFields = new KeyFields(Pan.of(pan), type, Money.of(amountMinor, currency),
                stan, transmittedAt, acquirerId, rrn, terminalId, acceptorId);
        return new CardRequest(mti, keyFields, expiry, new CardAcceptor(acceptorNameLocation, mcc));
    }

    public ISOMsg toIsoMsg() {
        return mti.equals(Mti.FINANCIAL_REQUEST)
                ? new FinancialRequest(keyFields, expiry, acceptor, PointOfService.ECOMMERCE).toIsoMsg()
                : new AuthorizationRequest(keyFields, expiry, acceptor, PointOfService.ECOMMERCE).toIsoMsg();
    }
}
