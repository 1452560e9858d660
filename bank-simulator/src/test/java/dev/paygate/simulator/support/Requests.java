package dev.paygate.simulator.support;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.TransactionType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests as the gateway sends them, each with a fresh STAN so none is taken for a duplicate. */
public final class Requests {

    private static final AtomicInteger STANS = new AtomicInteger();
    private static final CardAcceptor ACCEPTOR = new CardAcceptor("PAYGATE TEST SHOP        PARIS        FR", "5999");

    private Requests() {
    }

    public static Stan nextStan() {
        return Stan.of(STANS.incrementAndGet() % Stan.MAX + 1);
    }

    public static KeyFields keyFields(String pan, TransactionType type, long amountMinor, String currency) {
        Stan stan = nextStan();
        Instant now = Instant.now();
        return new KeyFields(Pan.of(pan), type, Money.of(amountMinor, currency), stan, now, "1234567",
                Rrn.of(now, stan), "TERM0001", "MERCHANT0000001");
    }

    public static CardRequest authorization(String pan, long amountMinor) {
        return authorization(pan, TestCards.EXPIRY, amountMinor, "EUR");
    }

    public static CardRequest authorization(String pan, YearMonth expiry, long amountMinor, String currency) {
        return new CardRequest(Mti.AUTHORIZATION_REQUEST, keyFields(pan, TransactionType.PURCHASE, amountMinor, currency), expiry,
                ACCEPTOR, PointOfService.ECOMMERCE);
    }

    public static CardRequest purchase(String pan, long amountMinor) {
        return new CardRequest(Mti.FINANCIAL_REQUEST, keyFields(pan, TransactionType.PURCHASE, amountMinor, "EUR"), TestCards.EXPIRY,
                ACCEPTOR, PointOfService.ECOMMERCE);
    }

    public static CardRequest refund(String pan, long amountMinor) {
        return new CardRequest(Mti.FINANCIAL_REQUEST, keyFields(pan, TransactionType.REFUND, amountMinor, "EUR"), TestCards.EXPIRY,
                ACCEPTOR, PointOfService.ECOMMERCE);
    }

    public static NetworkManagementRequest networkManagement(NetworkManagementCode code) {
        return new NetworkManagementRequest(code, nextStan(), Instant.now());
    }
}
