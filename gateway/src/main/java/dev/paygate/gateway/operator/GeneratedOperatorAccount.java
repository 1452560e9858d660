package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's operator: {@code admin}, with a random password made once, or the one an operator set with
 * {@code bin/paygate-operator set-password}. Only the Argon2id hash is kept, in {@code <data>/keys/operator.properties}
 * (mode {@code rw-------}); a generated password is logged the one time it is made, as a local demo credential. The
 * file is read again when it changes, so a password set while the gateway runs counts from the next sign-in.
 * Production configures {@code paygate.operator.accounts} instead.
 */
final class GeneratedOperatorAccount {

    static final String FILE_NAME = "operator.properties";
    static final String USERNAME = "admin";
    private static final String USERNAME_KEY = "username";
    private static final String PASSWORD_HASH_KEY = "password-hash";
    /** "true" once an operator chose the password: the start-up line stops pointing at the generated one. */
    private static final String PASSWORD_SET_KEY = "password-set";
    /** 144 random bits, 24 URL-safe characters: typed by a person once, then kept in a password manager. */
    private static final int PASSWORD_RANDOM_BYTES = 18;
    private static final Logger log = LoggerFactory.getLogger(GeneratedOperatorAccount.class);

    private final Path file;
    private final Argon2idPasswordHasher hasher;
    private volatile Loaded loaded;

    private record Loaded(OperatorProperties.Account account, boolean passwordSet, FileTime modifiedAt) {
    }

    private GeneratedOperatorAccount(Path file, Argon2idPasswordHasher hasher, Loaded loaded) {
        this.file = file;
        this.hasher = hasher;
        this.loaded = loaded;
    }

    /** The account in {@code keyDirectory}, generated first when there is none. */
    static GeneratedOperatorAccount loadOrCreate(Path keyDirectory, Argon2idPasswordHasher hasher) {
        Path file = keyDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file, hasher);
            }
            return new GeneratedOperatorAccount(file, hasher, load(file, hasher));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated operator account in " + keyDirectory, e);
        }
    }

    /**
     * Replaces the password (the user name stays), marked as chosen by an operator. The file is replaced in one
     * move, so a gateway reading it sees the old account or the new one, never half of either.
     */
    static Path setPassword(Path keyDirectory, char[] password, Argon2idPasswordHasher hasher) {
        Path file = keyDirectory.resolve(FILE_NAME);
        try {
            String username = Files.exists(file) ? load(file, hasher).account().username() : USERNAME;
            write(file, username, hasher.hash(password), true, true);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the operator password in " + file, e);
        }
    }

    /** The account as the file holds it now; a file that became unreadable keeps the last good account. */
    OperatorProperties.Account account() {
        Loaded current = loaded;
        try {
            if (!Files.getLastModifiedTime(file).equals(current.modifiedAt())) {
                current = load(file, hasher);
                loaded = current;
                log.info("Operator account {} read again from {}", current.account().username(), file);
            }
        } catch (IOException | RuntimeException unreadable) {
            log.error("Cannot read the operator account in {} ({}); the last one read stays in use", file,
                    unreadable.getMessage());
        }
        return current.account();
    }

    /** False while the password is the generated one. */
    boolean passwordSetByOperator() {
        account();
        return loaded.passwordSet();
    }

    Path file() {
        return file;
    }

    private static Loaded load(Path file, Argon2idPasswordHasher hasher) throws IOException {
        FileTime modifiedAt = Files.getLastModifiedTime(file);
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
        OperatorAccounts.requirePhc(file.toString(), passwordHash, hasher);
        return new Loaded(new OperatorProperties.Account(username, passwordHash),
                Boolean.parseBoolean(stored.getProperty(PASSWORD_SET_KEY)), modifiedAt);
    }

    private static void create(Path file, Argon2idPasswordHasher hasher) throws IOException {
        char[] password = randomPassword();
        try {
            write(file, USERNAME, hasher.hash(password), false, false);
            // Deliberately logged, once: a local demo credential nobody could learn otherwise.
            log.warn("Generated the local demo operator account for /operator: user '{}', password '{}'. This is"
                            + " shown once; only its hash is kept in {}. Set your own with bin/paygate-operator"
                            + " set-password; configure paygate.operator.accounts for anything but a local demo.",
                    USERNAME, new String(password), file);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            log.info("Using the operator account another process just generated in {}", file);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @param replace false when creating: if another process made the account meanwhile, its account wins */
    private static void write(Path file, String username, String passwordHash, boolean passwordSet, boolean replace)
            throws IOException {
        Properties account = new Properties();
        account.setProperty(USERNAME_KEY, username);
        account.setProperty(PASSWORD_HASH_KEY, passwordHash);
        account.setProperty(PASSWORD_SET_KEY, Boolean.toString(passwordSet));
        StringWriter text = new StringWriter();
        account.store(text, "Paygate operator account of the embedded default. Only the Argon2id hash is"
                + " kept. Configure paygate.operator.accounts in production.");
        if (replace) {
            OwnerOnlyFiles.replace(file, text.toString());
        } else {
            OwnerOnlyFiles.create(file, text.toString());
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
