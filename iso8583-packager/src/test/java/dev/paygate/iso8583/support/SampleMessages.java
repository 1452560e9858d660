package dev.paygate.iso8583.support;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.ReversalKind;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.iso8583.message.TransactionType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jpos.iso.ISOMsg;

/**
 * One fixed instance of every message type we exchange, with the hex vector file it packs to.
 * The acquirer id has an odd number of digits on purpose: it checks how BCD is padded.
 */
public final class SampleMessages {

    /** The clock the vectors are read with: DE 7 carries no year. */
    public static final Clock READ_CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    public static final Instant SENT_AT = Instant.parse("2026-11-24T10:15:30Z");
    public static final Pan PAN = Pan.of("4000000000000002");
    public static final CardAcceptor ACCEPTOR = new CardAcceptor("PAYGATE DEMO SHOP        PARIS        FR", "5999");

    public static final CardRequest AUTHORIZATION_REQUEST = new CardRequest(Mti.AUTHORIZATION_REQUEST, 
            keyFields(TransactionType.PURCHASE, 4_250, "EUR", 123, SENT_AT),
            YearMonth.of(2049, 12), ACCEPTOR, PointOfService.ECOMMERCE);
    public static final CardResponse AUTHORIZATION_RESPONSE = CardResponse.answering(
            AUTHORIZATION_REQUEST, ResponseCode.APPROVED, Optional.of("A1B2C3"));
    public static final CardRequest FINANCIAL_REQUEST = new CardRequest(Mti.FINANCIAL_REQUEST, 
            keyFields(TransactionType.PURCHASE, 10_000, "USD", 124, SENT_AT.plusSeconds(60)),
            YearMonth.of(2049, 12), ACCEPTOR, PointOfService.ECOMMERCE);
    public static final CardResponse FINANCIAL_RESPONSE = CardResponse.answering(
            FINANCIAL_REQUEST, ResponseCode.INSUFFICIENT_FUNDS, Optional.empty());
    public static final CardRequest REFUND_REQUEST = new CardRequest(Mti.FINANCIAL_REQUEST, 
            keyFields(TransactionType.REFUND, 999, "GBP", 125, SENT_AT.plusSeconds(120)),
            YearMonth.of(2049, 12), ACCEPTOR, PointOfService.ECOMMERCE);
    public static final ReversalRequest REVERSAL_REQUEST = ReversalRequest.reversing(
            AUTHORIZATION_REQUEST, ReversalKind.REVERSAL, Stan.of(126), SENT_AT.plusSeconds(45));
    public static final ReversalResponse REVERSAL_RESPONSE = ReversalResponse.answering(REVERSAL_REQUEST, ResponseCode.APPROVED);
    public static final ReversalRequest REVERSAL_ADVICE = ReversalRequest.reversing(
            FINANCIAL_REQUEST, ReversalKind.ADVICE, Stan.of(127), SENT_AT.plusSeconds(105));
    public static final ReversalResponse REVERSAL_ADVICE_RESPONSE = ReversalResponse.answering(REVERSAL_ADVICE, ResponseCode.APPROVED);
    public static final ReversalRequest REVERSAL_ADVICE_REPEAT = REVERSAL_ADVICE.asRepeat();
    public static final NetworkManagementRequest SIGN_ON = new NetworkManagementRequest(
            NetworkManagementCode.SIGN_ON, Stan.of(1), SENT_AT.minusSeconds(3600));
    public static final NetworkManagementResponse SIGN_ON_RESPONSE = NetworkManagementResponse.answering(SIGN_ON, ResponseCode.APPROVED);
    public static final NetworkManagementRequest ECHO = new NetworkManagementRequest(
            NetworkManagementCode.ECHO, Stan.of(2), SENT_AT.minusSeconds(60));
    public static final NetworkManagementResponse ECHO_RESPONSE = NetworkManagementResponse.answering(ECHO, ResponseCode.APPROVED);
    public static final NetworkManagementRequest SIGN_OFF = new NetworkManagementRequest(
            NetworkManagementCode.SIGN_OFF, Stan.of(999_999), SENT_AT.plusSeconds(7200));
    public static final NetworkManagementResponse SIGN_OFF_RESPONSE = NetworkManagementResponse.answering(SIGN_OFF, ResponseCode.APPROVED);

    /** A sample: the record, its ISOMsg, and how to read it back. */
    public record Sample(String vectorName, Mti mti, Object record, ISOMsg isoMsg, Function<ISOMsg, Object> reader) {
        @Override
        public String toString() {
            return vectorName;
        }
    }

    public static List<Sample> all() {
        return List.of(
                new Sample("0100-authorization-request", Mti.AUTHORIZATION_REQUEST, AUTHORIZATION_REQUEST,
                        AUTHORIZATION_REQUEST.toIsoMsg(), m -> CardRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0110-authorization-response-approved", Mti.AUTHORIZATION_RESPONSE, AUTHORIZATION_RESPONSE,
                        AUTHORIZATION_RESPONSE.toIsoMsg(), m -> CardResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0200-financial-request-top-up", Mti.FINANCIAL_REQUEST, FINANCIAL_REQUEST,
                        FINANCIAL_REQUEST.toIsoMsg(), m -> CardRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0200-financial-request-refund", Mti.FINANCIAL_REQUEST, REFUND_REQUEST,
                        REFUND_REQUEST.toIsoMsg(), m -> CardRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0210-financial-response-declined-51", Mti.FINANCIAL_RESPONSE, FINANCIAL_RESPONSE,
                        FINANCIAL_RESPONSE.toIsoMsg(), m -> CardResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0400-reversal-request", Mti.REVERSAL_REQUEST, REVERSAL_REQUEST,
                        REVERSAL_REQUEST.toIsoMsg(), m -> ReversalRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0410-reversal-response", Mti.REVERSAL_RESPONSE, REVERSAL_RESPONSE,
                        REVERSAL_RESPONSE.toIsoMsg(), m -> ReversalResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0420-reversal-advice", Mti.REVERSAL_ADVICE, REVERSAL_ADVICE,
                        REVERSAL_ADVICE.toIsoMsg(), m -> ReversalRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0421-reversal-advice-repeat", Mti.REVERSAL_ADVICE_REPEAT, REVERSAL_ADVICE_REPEAT,
                        REVERSAL_ADVICE_REPEAT.toIsoMsg(), m -> ReversalRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0430-reversal-advice-response", Mti.REVERSAL_ADVICE_RESPONSE, REVERSAL_ADVICE_RESPONSE,
                        REVERSAL_ADVICE_RESPONSE.toIsoMsg(), m -> ReversalResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0800-sign-on", Mti.NETWORK_MANAGEMENT_REQUEST, SIGN_ON,
                        SIGN_ON.toIsoMsg(), m -> NetworkManagementRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0810-sign-on-response", Mti.NETWORK_MANAGEMENT_RESPONSE, SIGN_ON_RESPONSE,
                        SIGN_ON_RESPONSE.toIsoMsg(), m -> NetworkManagementResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0800-echo", Mti.NETWORK_MANAGEMENT_REQUEST, ECHO,
                        ECHO.toIsoMsg(), m -> NetworkManagementRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0810-echo-response", Mti.NETWORK_MANAGEMENT_RESPONSE, ECHO_RESPONSE,
                        ECHO_RESPONSE.toIsoMsg(), m -> NetworkManagementResponse.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0800-sign-off", Mti.NETWORK_MANAGEMENT_REQUEST, SIGN_OFF,
                        SIGN_OFF.toIsoMsg(), m -> NetworkManagementRequest.fromIsoMsg(m, READ_CLOCK)),
                new Sample("0810-sign-off-response", Mti.NETWORK_MANAGEMENT_RESPONSE, SIGN_OFF_RESPONSE,
                        SIGN_OFF_RESPONSE.toIsoMsg(), m -> NetworkManagementResponse.fromIsoMsg(m, READ_CLOCK)));
    }

    private static KeyFields keyFields(TransactionType type, long amountMinor, String currency, int stan, Instant sentAt) {
        return new KeyFields(PAN, type, Money.of(amountMinor, currency), Stan.of(stan), sentAt, "1234567",
                Rrn.of(sentAt, Stan.of(stan)), "TERM0001", "MERCHANT0000001");
    }

    private SampleMessages() {
    }
}
