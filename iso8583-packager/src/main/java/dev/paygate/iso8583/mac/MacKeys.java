package dev.paygate.iso8583.mac;

import java.util.Objects;
import java.util.Optional;
import org.jpos.util.NameRegistrar;

/**
 * The MAC key of each network, handed from the application's configuration (or key store) to the
 * {@link MacFilter} of that network's channel. Keys live in jPOS's name registrar, not in system properties or
 * deploy descriptors, so no configuration dump, log line or descriptor copy ever holds one.
 */
public final class MacKeys {

    private static final String PREFIX = "mac-key.";

    private MacKeys() {
    }

    /** Makes {@code mac} the key of {@code network}; register before the network's channel is deployed. */
    public static void register(String network, Iso9797Alg3Mac mac) {
        NameRegistrar.register(PREFIX + requireName(network), Objects.requireNonNull(mac, "mac"));
    }

    public static void unregister(String network) {
        NameRegistrar.unregister(PREFIX + requireName(network));
    }

    public static Optional<Iso9797Alg3Mac> find(String network) {
        return Optional.ofNullable(NameRegistrar.getIfExists(PREFIX + requireName(network)));
    }

    private static String requireName(String network) {
        if (network == null || network.isBlank()) {
            throw new IllegalArgumentException("a MAC key belongs to a named network");
        }
        return network;
    }
}
