package dev.paygate.routes.mac;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The MAC settings of each card network, {@code paygate.card.networks.<name>.mac.*}: the same keys as the rest of
 * the network's settings, bound apart so that the key material stays in this one place. Not a
 * {@code @ConfigurationProperties} bean: no settings object that is passed around, printed, listed by the actuator
 * or read by route placeholders ever holds a key.
 */
public record NetworkMacProperties(Map<String, NetworkMac> networks) {

    private static final String NETWORKS = "paygate.card.networks";

    public NetworkMacProperties {
        networks = networks == null ? Map.of() : Map.copyOf(networks);
    }

    /** The {@code mac} section of every {@code paygate.card.networks.<name>}; the networks' other keys are not read. */
    public static NetworkMacProperties bind(Environment environment) {
        return new NetworkMacProperties(Binder.get(environment)
                .bind(NETWORKS, Bindable.mapOf(String.class, NetworkMac.class))
                .orElse(Map.of()));
    }

    /** The MAC settings of {@code network}; none set means no MAC. */
    public Mac of(String network) {
        return Optional.ofNullable(networks.get(network)).map(NetworkMac::mac).orElse(Mac.NONE);
    }

    public record NetworkMac(Mac mac) {
        public NetworkMac {
            mac = mac == null ? Mac.NONE : mac;
        }
    }

    /**
     * ISO 9797-1 algorithm 3 in DE 64 (DE 128 with a secondary bitmap), with a double- or triple-length DES key
     * from configuration ({@code key-hex}, e.g. from an environment variable) or from a PKCS#12 key store holding
     * it as a secret key entry.
     *
     * @param enabled          null: on exactly when a key is configured; true without a key refuses to start
     * @param keyHex           32 or 48 hex digits
     * @param keyStore         PKCS#12 file with the key as a secret key entry
     * @param keyStorePassword the key store's password, also the entry's
     * @param keyAlias         the entry's alias
     */
    public record Mac(Boolean enabled, String keyHex, Path keyStore, String keyStorePassword, String keyAlias) {

        static final Mac NONE = new Mac(null, null, null, null, null);

        public boolean on() {
            return enabled != null ? enabled : hasKey();
        }

        boolean hasKey() {
            return (keyHex != null && !keyHex.isBlank()) || keyStore != null;
        }

        @Override
        public String toString() {
            return "Mac[enabled=" + enabled + ", key=" + (keyStore != null ? "key store " + keyStore + " alias " + keyAlias
                    : keyHex != null && !keyHex.isBlank() ? "<from configuration, hidden>" : "none") + "]";
        }
    }
}
