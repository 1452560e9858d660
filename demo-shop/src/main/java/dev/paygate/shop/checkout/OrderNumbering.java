package dev.paygate.shop.checkout;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.paygate.shop.ShopProperties;

/**
 * Order ids and sales-register serials. Order ids are random, so they stay unique across restarts of
 * this in-memory demo; the serial is the till's running number, which a real shop persists (the
 * demo's restarts at 1, which the formats allow: the serial is copied into the voucher, not deduplicated).
 */
@Component
class OrderNumbering {

    static final String ORDER_ID_PREFIX = "DC-";
    /** Crockford base32: no I, L, O or U, so an id read out over the phone is not misheard. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    /** 10 symbols of 5 bits: 50 random bits. */
    private static final int ORDER_ID_SYMBOLS = 10;

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastSerial = new AtomicLong();
    private final String registerId;

    OrderNumbering(ShopProperties shop) {
        this.registerId = shop.registerId();
    }

    String nextOrderId() {
        StringBuilder id = new StringBuilder(ORDER_ID_PREFIX);
        for (int i = 0; i < ORDER_ID_SYMBOLS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    String nextRegisterSerial() {
        return registerId + "-" + String.format("%06d", lastSerial.incrementAndGet());
    }
}
