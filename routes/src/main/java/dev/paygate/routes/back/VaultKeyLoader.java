package dev.paygate.routes.back;

import dev.paygate.ledger.vault.VaultKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Vault keys from configuration, or, for the embedded default, from a generated owner-only key file. */
final class VaultKeyLoader {

    private static final Logger log = LoggerFactory.getLogger(VaultKeyLoader.class);
    private static final String ACTIVE = "active-key-id";

    private VaultKeyLoader() {
    }

    static VaultKeys load(VaultProperties properties) throws IOException {
        if (!properties.keys().isEmpty()) {
            if (properties.activeKeyId() == null) {
                throw new IllegalStateException("paygate.vault.keys is set but paygate.vault.active-key-id is not");
            }
            return VaultKeys.fromBase64(properties.keys(), properties.activeKeyId());
        }
        Path file = properties.keyFile();
        if (!Files.exists(file)) {
            generate(file);
        }
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            stored.load(reader);
        }
        Map<String, String> keys = new HashMap<>();
        stored.stringPropertyNames().stream().filter(name -> !name.equals(ACTIVE))
                .forEach(name -> keys.put(name, stored.getProperty(name)));
        return VaultKeys.fromBase64(keys, stored.getProperty(ACTIVE));
    }

    private static void generate(Path file) throws IOException {
        byte[] key = new byte[VaultKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Properties generated = new Properties();
        generated.setProperty("k1", Base64.getEncoder().encodeToString(key));
        generated.setProperty(ACTIVE, "k1");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(file)) {
            generated.store(writer, "Paygate card vault keys (generated for the embedded default; keep secret)");
        }
        log.info("Generated a card vault key in {} (configure paygate.vault.keys in production)", file);
    }
}
