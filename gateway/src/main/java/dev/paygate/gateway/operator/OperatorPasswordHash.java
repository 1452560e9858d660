package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Prints the Argon2id hash of an operator password, for {@code paygate.operator.accounts[i].password-hash}.
 * Reads the password from the terminal without echo, or as one line from standard input. See docs/operator.md.
 */
public final class OperatorPasswordHash {

    static final int PASSWORD_LENGTH_MIN = 12;
    private static final int PASSWORD_LENGTH_MAX = 1024;

    private OperatorPasswordHash() {
    }

    public static void main(String[] args) throws IOException {
        char[] password = readPassword();
        try {
            System.out.println(hash(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The hash with the front unit's default Argon2id parameters (each hash carries its own). */
    static String hash(char[] password) {
        return hasher().hash(checked(password));
    }

    /** The front unit's default Argon2id parameters, as {@code paygate.front.auth.argon2} defines them. */
    static Argon2idPasswordHasher hasher() {
        return new Argon2idPasswordHasher(new Binder()
                .bindOrCreate("paygate.front.auth.argon2", AuthenticationProperties.Argon2.class));
    }

    /** @throws IllegalArgumentException when the password is too short or too long, saying so */
    static char[] checked(char[] password) {
        if (password.length < PASSWORD_LENGTH_MIN || password.length > PASSWORD_LENGTH_MAX) {
            throw new IllegalArgumentException("An operator password has " + PASSWORD_LENGTH_MIN + " to "
                    + PASSWORD_LENGTH_MAX + " characters.");
        }
        return password;
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("Operator password (at least %d characters): ", PASSWORD_LENGTH_MIN);
            return typed == null ? new char[0] : typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
