package dev.paygate.iso8583.packager;

import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What a card network expects on the wire: packager, framing, optional header (e.g. the TPDU
 * {@code 6000000000}) and whether DE 64/128 carries a MAC. The MAC key never shows in
 * {@link #toString()}.
 *
 * @param name network name, e.g. {@code cardnet-a}; also the STAN sequence name
 * @param headerHex header bytes in hex, empty when the network uses none
 */
public record NetworkProfile(
        String name, PackagerDefinition packager, Framing framing, String headerHex, Optional<Iso9797Alg3Mac> mac) {

    /** Headers in use (TPDU, Visa/Mastercard base headers) are a few dozen bytes at most. */
    public static final int HEADER_BYTES_MAX = 64;

    public NetworkProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packager, "packager");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(mac, "mac");
        headerHex = headerHex == null ? "" : headerHex.trim();
        if (!headerHex.matches("([0-9A-Fa-f]{2})*")) {
            throw new IllegalArgumentException("network " + name + ": header must be an even number of hex digits");
        }
        if (headerHex.length() / 2 > HEADER_BYTES_MAX) {
            throw new IllegalArgumentException("network " + name + ": header longer than " + HEADER_BYTES_MAX + " bytes");
        }
    }

    public static NetworkProfile of(String name, PackagerDefinition packager, Framing framing) {
        return new NetworkProfile(name, packager, framing, "", Optional.empty());
    }

    public NetworkProfile withHeaderHex(String newHeaderHex) {
        return new NetworkProfile(name, packager, framing, newHeaderHex, mac);
    }

    /** Turns MAC on with a double- or triple-length DES key given in hex. */
    public NetworkProfile withMacKeyHex(String keyHex) {
        return new NetworkProfile(name, packager, framing, headerHex, Optional.of(Iso9797Alg3Mac.fromHex(keyHex)));
    }

    /** The header bytes, empty when the network uses none. */
    public byte[] header() {
        return HexFormat.of().parseHex(headerHex);
    }

    public boolean hasHeader() {
        return !headerHex.isEmpty();
    }
}
