package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's operator: {@code admin} with a random password, made once. Only the Argon2id hash is
 * kept, in {@code <data>/keys/operator.properties} (mode {@code rw-------}); the password is logged the one time
 * it is made, as a local demo credential. Production configures {@code paygate.operator.accounts} instead.
 */
final class GeneratedOperatorAccount {

    static final String FILE_NAME = "operator.properties";
    static final String USERNAME = "admin";
    private static final String USERNAME_KEY = "username";
    private static final String PASSWORD_HASH_KEY = "password-hash";
    /** 144 random bits, 24 URL-safe characters: typed by a person once, then kept in a password manager. */
    private static final int PASSWORD_RANDOM_BYTES = 18;
    private static final Logger log = LoggerFactory.getLogger(GeneratedOperatorAccount.class);

    private GeneratedOperatorAccount() {
    }

    static OperatorProperties.Account loadOrCreate(Path keyDirectory, Argon2idPasswordHasher hasher) {
        Path file = keyDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(keyDirectory, file, hasher);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated operator account in " + keyDirectory, e);
        }
    }

    private static OperatorProperties.Account load(Path file) throws IOException {
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            stored.load(reader);
        }
        String username = stored.getProperty(USERNAME_KEY);
        String passwordHash = stored.getProperty(PASSWORD_HASH_KEY);
        if (username == null || passwordHash == null) {
            throw new IllegalStateException(file + " needs " + USERNAME_KEY + " and " + PASSWORD_HASH_KEY
                    + "; delete it to generate a new operator account");
        }
        return new OperatorProperties.Account(username, passwordHash);
    }

    private static void create(Path keyDirectory, Path file, Argon2idPasswordHasher hasher) throws IOException {
        Files.createDirectories(keyDirectory);
        char[] password = randomPassword();
        Path draft = Files.createTempFile(keyDirectory, "operator", ".draft");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            }
            Properties generated = new Properties();
            generated.setProperty(USERNAME_KEY, USERNAME);
            generated.setProperty(PASSWORD_HASH_KEY, hasher.hash(password));
            try (Writer writer = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                generated.store(writer, "Paygate operator account, generated for the embedded default."
                        + " Only the Argon2id hash is kept. Configure paygate.operator.accounts in production.");
            }
            // A move without REPLACE_EXISTING: if another process made the account meanwhile, its account wins.
            Files.move(draft, file);
            // Deliberately logged, once: a local demo credential nobody could learn otherwise.
            log.warn("Generated the local demo operator account for /operator: user '{}', password '{}'. This is"
                            + " shown once; only its hash is kept in {}. Delete that file to get a new password;"
                            + " configure paygate.operator.accounts for anything but a local demo.",
                    USERNAME, new String(password), file);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            log.info("Using the operator account another process just generated in {}", file);
        } finally {
            Arrays.fill(password, '\0');
            Files.deleteIfExists(draft);
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[PASSWORD_RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        } finally {
            Arrays.fill(random, (byte) 0);
        }
    }
}
