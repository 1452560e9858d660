package dev.paygate.routes.mac;

import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.mac.MacKeys;
import dev.paygate.routes.BackUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Hands each card network's MAC key to its channel before Q2 deploys the descriptors: the key goes to jPOS's
 * registry ({@link MacKeys}), read by the {@code MacFilter} of {@code 10_<network>_channel.xml}, and
 * {@code network.<name>.mac-enabled} tells the descriptor whether to use the filter at all. A network with MAC on
 * and no key, or a key that cannot be read, stops the start with a message naming the setting; the key itself is
 * never logged.
 */
@Component
@BackUnit
public class NetworkMacKeys implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NetworkMacKeys.class);

    private final NetworkMacProperties properties;
    private final Set<String> registered = new HashSet<>();

    @Autowired
    public NetworkMacKeys(Environment environment) {
        this(NetworkMacProperties.bind(environment));
    }

    public NetworkMacKeys(NetworkMacProperties properties) {
        this.properties = properties;
    }

    /** For every network: MAC on or off for its descriptor, and its key registered when on. */
    public synchronized void publish(Collection<String> networks) {
        for (String network : networks) {
            NetworkMacProperties.Mac mac = properties.of(network);
            if (mac.on()) {
                MacKeys.register(network, load(network, mac));
                registered.add(network);
                log.info("Card network {}: MAC (ISO 9797-1 algorithm 3, DE 64/128) on, key from {}", network,
                        mac.keyStore() != null ? "key store " + mac.keyStore() + " alias " + mac.keyAlias() : "configuration");
            } else {
                log.info("Card network {}: no MAC", network);
            }
            System.setProperty("network." + network + ".mac-enabled", Boolean.toString(mac.on()));
        }
    }

    static Iso9797Alg3Mac load(String network, NetworkMacProperties.Mac mac) {
        String setting = "paygate.card.networks." + network + ".mac";
        if (!mac.hasKey()) {
            throw new IllegalStateException("card network " + network + " has MAC enabled but no key: set "
                    + setting + ".key-hex or " + setting + ".key-store");
        }
        if (mac.keyStore() == null) {
            try {
                return Iso9797Alg3Mac.fromHex(mac.keyHex());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + ".key-hex: " + e.getMessage());
            }
        }
        return fromKeyStore(setting, mac);
    }

    private static Iso9797Alg3Mac fromKeyStore(String setting, NetworkMacProperties.Mac mac) {
        if (mac.keyAlias() == null || mac.keyStorePassword() == null) {
            throw new IllegalStateException(setting + ".key-store needs " + setting + ".key-alias and "
                    + setting + ".key-store-password");
        }
        char[] password = mac.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(mac.keyStore())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            Key key = keyStore.getKey(mac.keyAlias(), password);
            if (key == null || key.getEncoded() == null) {
                throw new IllegalStateException(setting + ": key store " + mac.keyStore() + " has no secret key "
                        + mac.keyAlias());
            }
            return new Iso9797Alg3Mac(key.getEncoded());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // The exception's text names files and algorithms, never the key.
            throw new IllegalStateException(setting + ": cannot read key " + mac.keyAlias() + " from " + mac.keyStore()
                    + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public synchronized void close() {
        registered.forEach(MacKeys::unregister);
        registered.clear();
    }
}
