package dev.paygate.routes.card;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.TransactionType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What one card request asks of the customer's card: a purchase (0100, or 0200 on a single-message network),
 * a top-up charge (always 0200) or a refund credit (0200, DE 3 "20").
 *
 * @param network the network to use; empty to route by the card's BIN (never null)
 * @param mti     empty to let the network decide between 0100 and 0200 (never null)
 */
public record CardOperation(String customerId, Optional<String> network, Optional<Mti> mti, TransactionType type,
                            long amountMinor, String currency) {

    public CardOperation {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
    }

    /** A purchase on the network the card's BIN routes to, as that network takes purchases. */
    public static CardOperation purchase(String customerId, long amountMinor, String currency) {
        return new CardOperation(customerId, Optional.empty(), Optional.empty(), TransactionType.PURCHASE,
                amountMinor, currency);
    }

    /** A top-up is always a financial request (0200): the wallet is credited at once, nothing to capture. */
    public static CardOperation topUp(String customerId, long amountMinor, String currency) {
        return new CardOperation(customerId, Optional.empty(), Optional.of(Mti.FINANCIAL_REQUEST),
                TransactionType.PURCHASE, amountMinor, currency);
    }

    /** A credit back to the card, through the network that authorized the payment. */
    public static CardOperation refund(String customerId, String network, long amountMinor, String currency) {
        return new CardOperation(customerId, Optional.of(network), Optional.of(Mti.FINANCIAL_REQUEST),
                TransactionType.REFUND, amountMinor, currency);
    }

    /** The request as it goes on the wire; the same values rebuild it for its reversal. */
    public CardRequest toRequest(boolean singleMessage, String pan, YearMonth expiry, Stan stan,
                                 Instant transmittedAt, String acquirerId, Acceptor acceptor) {
        Mti requestMti = mti.orElse(singleMessage ? Mti.FINANCIAL_REQUEST : Mti.AUTHORIZATION_REQUEST);
        KeyFields keyFields = new KeyFields(Pan.of(pan), type, Money.of(amountMinor, currency), stan, transmittedAt,
                acquirerId, Rrn.of(transmittedAt, stan), acceptor.terminalId(), acceptor.acceptorId());
        return new CardRequest(requestMti, keyFields, expiry, new CardAcceptor(acceptor.nameLocation(), acceptor.mcc()),
                PointOfService.ECOMMERCE);
    }
}
