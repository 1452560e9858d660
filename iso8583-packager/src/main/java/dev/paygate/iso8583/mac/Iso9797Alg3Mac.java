package dev.paygate.iso8583.mac;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.macs.ISO9797Alg3Mac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * ISO/IEC 9797-1 MAC algorithm 3 (the ANSI X9.19 "retail MAC") with DES and a double- or
 * triple-length key: DES-CBC under K1, then decrypt with K2 and encrypt with K1 (or K3) on the
 * last block. Padding method 1 (zero bytes to a block boundary), as X9.19 networks use. The MAC
 * is 8 bytes. The key never shows in {@link #toString()}.
 */
public final class Iso9797Alg3Mac {

    public static final int MAC_BYTES = 8;

    private final byte[] key;

    public Iso9797Alg3Mac(byte[] key) {
        if (key.length != 16 && key.length != 24) {
            throw new IllegalArgumentException("MAC key must be 16 or 24 bytes (double or triple DES), got " + key.length);
        }
        this.key = key.clone();
    }

    /** @throws IllegalArgumentException if the text is not 32 or 48 hex digits; the text is not echoed */
    public static Iso9797Alg3Mac fromHex(String keyHex) {
        if (keyHex == null || !keyHex.trim().matches("([0-9A-Fa-f]{2})+")) {
            throw new IllegalArgumentException("MAC key must be hex digits");
        }
        return new Iso9797Alg3Mac(HexFormat.of().parseHex(keyHex.trim()));
    }

    public byte[] compute(byte[] data) {
        return compute(data, 0, data.length);
    }

    public byte[] compute(byte[] data, int offset, int length) {
        ISO9797Alg3Mac mac = new ISO9797Alg3Mac(new DESEngine());
        mac.init(new KeyParameter(key));
        mac.update(data, offset, length);
        byte[] result = new byte[MAC_BYTES];
        mac.doFinal(result, 0);
        return result;
    }

    /** Constant-time comparison, so response timing does not leak how much of a MAC matched. */
    public boolean verify(byte[] data, int offset, int length, byte[] expectedMac) {
        return MessageDigest.isEqual(compute(data, offset, length), expectedMac);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Iso9797Alg3Mac mac && MessageDigest.isEqual(mac.key, key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Iso9797Alg3Mac[key=<" + key.length + " bytes, hidden>]";
    }
}
