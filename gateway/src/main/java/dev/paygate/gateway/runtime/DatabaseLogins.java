package dev.paygate.gateway.runtime;

import dev.paygate.gateway.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL's two logins, generated once into {@code <data>/keys/database.properties} (owner-only):
 * the superuser {@code postgres}, used only at start to keep the cluster's set-up right, and the application's own
 * role, which owns the database and its schemas and is all the gateway's pool and Flyway log in as.
 */
record DatabaseLogins(String superuserPassword, String applicationRole, String applicationPassword) {

    static final String SUPERUSER = "postgres";
    static final String FILE_NAME = "database.properties";
    private static final String SUPERUSER_PASSWORD_KEY = "superuser-password";
    private static final String APPLICATION_ROLE_KEY = "application-role";
    private static final String APPLICATION_PASSWORD_KEY = "application-password";
    private static final String DEFAULT_APPLICATION_ROLE = "paygate";
    /** 192 random bits as 32 URL-safe characters: nothing a SQL literal or a URL has to escape. */
    private static final int PASSWORD_RANDOM_BYTES = 24;
    private static final String PASSWORD_PATTERN = "[A-Za-z0-9_-]{32,128}";
    private static final String ROLE_PATTERN = "[a-z_][a-z0-9_]{0,62}";

    DatabaseLogins {
        if (!superuserPassword.matches(PASSWORD_PATTERN) || !applicationPassword.matches(PASSWORD_PATTERN)) {
            throw new IllegalStateException("database passwords must be 32-128 URL-safe characters");
        }
        if (!applicationRole.matches(ROLE_PATTERN) || applicationRole.equals(SUPERUSER)) {
            throw new IllegalStateException("the application role must be a plain identifier other than postgres: "
                    + applicationRole);
        }
    }

    static DatabaseLogins loadOrCreate(Path keyDirectory) {
        Path file = keyDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            }
            return new DatabaseLogins(required(stored, SUPERUSER_PASSWORD_KEY, file),
                    stored.getProperty(APPLICATION_ROLE_KEY, DEFAULT_APPLICATION_ROLE),
                    required(stored, APPLICATION_PASSWORD_KEY, file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database logins in " + file, e);
        }
    }

    private static String required(Properties stored, String key, Path file) {
        String value = stored.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(file + " lacks " + key);
        }
        return value;
    }

    private static void create(Path file) throws IOException {
        Properties generated = new Properties();
        generated.setProperty(SUPERUSER_PASSWORD_KEY, randomPassword());
        generated.setProperty(APPLICATION_ROLE_KEY, DEFAULT_APPLICATION_ROLE);
        generated.setProperty(APPLICATION_PASSWORD_KEY, randomPassword());
        StringWriter text = new StringWriter();
        generated.store(text, "Logins of the embedded PostgreSQL (SCRAM), generated at first start.");
        try {
            // Created, never replaced: logins the cluster already knows are never overwritten.
            OwnerOnlyFiles.create(file, text.toString());
        } catch (FileAlreadyExistsException keptExisting) {
            // Another start wrote them first; theirs are the ones the cluster gets.
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[PASSWORD_RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    @Override
    public String toString() {
        return "DatabaseLogins[applicationRole=" + applicationRole + ", passwords hidden]";
    }
}
