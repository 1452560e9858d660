package dev.paygate.shop.paygate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.Ed25519Keys;

/** Reads the merchant's private Ed25519 JWK. Errors name the file, never its content. */
final class MerchantKeyFile {

    private MerchantKeyFile() {
    }

    static OctetKeyPair load(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException missing) {
            throw new IllegalStateException("shop.private-key-file " + file.toAbsolutePath()
                    + " does not exist: run the shop from the repository root or set shop.private-key-file");
        } catch (IOException unreadable) {
            throw new IllegalStateException("shop.private-key-file " + file.toAbsolutePath() + " cannot be read",
                    unreadable);
        }
        OctetKeyPair key;
        try {
            key = Ed25519Keys.parse(json);
        } catch (ParseException | RuntimeException notAKey) {
            // The parser's message may quote the file, which holds a secret: leave it and the cause out.
            throw new IllegalStateException("shop.private-key-file " + file.toAbsolutePath()
                    + " is not an Ed25519 JWK with a kid (RFC 8037)");
        }
        if (!key.isPrivate()) {
            throw new IllegalStateException("shop.private-key-file " + file.toAbsolutePath()
                    + " holds only a public key; the shop signs tickets with the private JWK (with \"d\")");
        }
        return key;
    }
}
