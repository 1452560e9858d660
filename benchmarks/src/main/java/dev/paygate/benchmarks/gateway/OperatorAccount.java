package dev.paygate.benchmarks.gateway;

import dev.paygate.benchmarks.raw.KdfLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The operator account a gateway would otherwise generate and log the password of: made by the bench from a
 * random password nobody keeps, so the run's logs carry no password.
 */
public final class OperatorAccount {

    private static final int PASSWORD_RANDOM_BYTES = 18;

    private OperatorAccount() {
    }

    public static void write(Path keyDirectory) throws IOException {
        Files.createDirectories(keyDirectory);
        byte[] password = new byte[PASSWORD_RANDOM_BYTES];
        new SecureRandom().nextBytes(password);
        Files.writeString(keyDirectory.resolve("operator.properties"), "username=bench-operator\npassword-hash="
                + KdfLimit.phcHash(Base64.getEncoder().encodeToString(password).toCharArray()) + "\n");
    }
}
