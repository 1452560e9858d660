package dev.paygate.merchant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;

/** Shared test data: fixed instants, keys generated once per run, and a typical basket ticket. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    public static final String MERCHANT_ID = "shop-42";
    public static final String ORDER_ID = "order-1001";
    public static final String SERIAL = "R1-000123";

    public static final OctetKeyPair MERCHANT_KEY = Ed25519Keys.generate("shop-42-2026");
    public static final OctetKeyPair SERVER_KEY = Ed25519Keys.generate("server-2026-11");
    public static final OctetKeyPair NEXT_SERVER_KEY = Ed25519Keys.generate("server-2027-01");

    private Fixtures() {
    }

    /** A two-line basket worth 33.00 EUR issued at {@link #NOW}, valid 15 minutes. */
    public static Ticket.Builder basket() {
        return Ticket.basket(MERCHANT_ID, ORDER_ID)
                .ticketId("tkt-7f3a")
                .customerId("cust-77")
                .item("sku-1", "Coffee beans 1 kg", 2, 1_250)
                .item("sku-9", "Mug", 1, 800)
                .vatMinor(550)
                .currency("EUR")
                .serial(SERIAL)
                .returnUrl(URI.create("https://shop.example/paygate/return"))
                .cancelUrl(URI.create("https://shop.example/cart"))
                .issuedAt(NOW);
    }

    public static Ticket ticket() {
        return basket().build();
    }

    /** Edits the JSON payload of a compact JWS and keeps the original signature, as a forger would. */
    public static String tamperPayload(String compact, UnaryOperator<String> edit) {
        String[] parts = compact.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String edited = edit.apply(json);
        if (edited.equals(json)) {
            throw new IllegalArgumentException("the edit changed nothing in " + json);
        }
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }

    public static String payloadJson(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    public static String headerJson(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {

        private Instant now;

        public MutableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests run in UTC");
        }
    }
}
