package dev.paygate.gateway.operator;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code bin/paygate-operator set-password}: sets the password of the embedded default's operator account in
 * {@code <data directory>/keys/operator.properties}, which a running gateway reads again at the next sign-in.
 * Typed twice without echo on a terminal, or one line from standard input. Configured accounts
 * ({@code paygate.operator.accounts}) are changed in the configuration instead, with {@link OperatorPasswordHash}.
 */
public final class OperatorPasswordSetting {

    private OperatorPasswordSetting() {
    }

    /** @param args the data directory, {@code data} in the repository by default */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OperatorPasswordSetting <data directory>");
            System.exit(2);
        }
        Path keyDirectory = Path.of(args[0]).resolve("keys");
        char[] password = readNewPassword();
        try {
            Path file = GeneratedOperatorAccount.setPassword(keyDirectory, OperatorPasswordHash.checked(password),
                    OperatorPasswordHash.hasher());
            System.out.println("Operator password set in " + file + " (only its Argon2id hash is kept). A running"
                    + " gateway takes it at the next sign-in.");
        } catch (IllegalArgumentException refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readNewPassword() throws IOException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] typed = console.readPassword("New operator password (at least %d characters): ",
                    OperatorPasswordHash.PASSWORD_LENGTH_MIN);
            char[] again = console.readPassword("The same again: ");
            try {
                if (typed == null || !Arrays.equals(typed, again)) {
                    System.err.println("The two passwords differ; nothing was changed.");
                    System.exit(1);
                }
                return typed;
            } finally {
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
            }
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
