package dev.paygate.gateway.keys;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.security.OwnerOnlyFiles;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's signing key: made once and kept in {@code <data>/keys/server-signing-key.jwk}, so
 * vouchers signed before a restart still verify after it. Production configures its keys instead.
 */
final class GeneratedServerKey {

    static final String FILE_NAME = "server-signing-key.jwk";
    private static final Logger log = LoggerFactory.getLogger(GeneratedServerKey.class);

    private GeneratedServerKey() {
    }

    static OctetKeyPair loadOrCreate(Path keyDirectory) {
        Path keyFile = keyDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            return Ed25519Keys.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the server signing key in " + keyDirectory, e);
        } catch (ParseException e) {
            throw new IllegalStateException(keyFile + " does not hold an Ed25519 JWK with a kid", e);
        }
    }

    private static void create(Path keyFile) throws IOException {
        OctetKeyPair key = Ed25519Keys.generate();
        try {
            OwnerOnlyFiles.create(keyFile, Ed25519Keys.toPrivateJson(key));
            log.info("Generated the server signing key {} in {}", key.getKeyID(), keyFile);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            log.info("Using the server signing key another process just made in {}", keyFile);
        }
    }
}
