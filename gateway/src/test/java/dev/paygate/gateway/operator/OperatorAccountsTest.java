package dev.paygate.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.AuthenticationProperties;
import dev.paygate.gateway.auth.Argon2idPasswordEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;

/** Operator accounts without Spring: configured ones, and the generated demo account of the embedded default. */
@ExtendWith(OutputCaptureExtension.class)
class OperatorAccountsTest {

    private static final AuthenticationProperties.Argon2 FAST_ARGON2 = new AuthenticationProperties.Argon2(1024, 1, 1);
    private static final Pattern LOGGED_PASSWORD = Pattern.compile("user 'admin', password '([A-Za-z0-9_-]{24})'");

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(FAST_ARGON2);

    @Test
    void acceptsOnlyAConfiguredUserNameWithItsPassword() {
        OperatorAccounts accounts = new OperatorAccounts(List.of(
                new OperatorProperties.Account("ops", hasher.hash("first operator pass".toCharArray())),
                new OperatorProperties.Account("night-shift", hasher.hash("second operator pass".toCharArray()))),
                hasher);

        assertThat(authenticate(accounts, "ops", "first operator pass")).contains("ops");
        assertThat(authenticate(accounts, "night-shift", "second operator pass")).contains("night-shift");
        assertThat(authenticate(accounts, "ops", "second operator pass")).isEmpty();
        assertThat(authenticate(accounts, "OPS", "first operator pass")).isEmpty();
        assertThat(authenticate(accounts, "nobody", "first operator pass")).isEmpty();
    }

    @Test
    void refusesToStartWithAHashThatIsNotArgon2idOrARepeatedUserName() {
        String hash = hasher.hash("first operator pass".toCharArray());

        assertThatThrownBy(() -> new OperatorAccounts(List.of(new OperatorProperties.Account("ops", "plain-text")), hasher))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paygate.operator.accounts[0].password-hash is not an Argon2id PHC string")
                .hasMessageNotContaining("plain-text");
        assertThatThrownBy(() -> new OperatorAccounts(List.of(new OperatorProperties.Account("ops", hash),
                new OperatorProperties.Account("ops", hash)), hasher))
                .hasMessageContaining("paygate.operator.accounts[1].username repeats ops");
        assertThatThrownBy(() -> new OperatorAccounts(List.of(new OperatorProperties.Account("has:colon", hash)), hasher))
                .hasMessageContaining("paygate.operator.accounts[0].username");
    }

    @Test
    void generatesTheDemoAdminOnceKeepsOnlyItsHashOwnerOnlyAndLogsThePasswordOnlyThen(@TempDir Path dataDirectory,
                                                                                     CapturedOutput output) throws Exception {
        Path keys = dataDirectory.resolve("keys");

        GeneratedOperatorAccount generated = GeneratedOperatorAccount.loadOrCreate(keys, hasher);

        Matcher logged = LOGGED_PASSWORD.matcher(output.getOut());
        assertThat(logged.find()).as("the password is logged at its generation: %s", output.getOut()).isTrue();
        String password = logged.group(1);
        assertThat(output.getOut()).contains("local demo operator account");
        Path file = keys.resolve(GeneratedOperatorAccount.FILE_NAME);
        assertThat(Files.readString(file)).doesNotContain(password).contains("argon2id");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(generated.account().username()).isEqualTo("admin");
        assertThat(generated.passwordSetByOperator()).isFalse();
        assertThat(authenticate(new OperatorAccounts(generated), "admin", password)).contains("admin");

        int logLengthBeforeRestart = output.getOut().length();
        GeneratedOperatorAccount reloaded = GeneratedOperatorAccount.loadOrCreate(keys, hasher);

        assertThat(reloaded.account().passwordHash()).isEqualTo(generated.account().passwordHash());
        assertThat(output.getOut().substring(logLengthBeforeRestart)).doesNotContain(password, "Generated");
        try (var leftovers = Files.list(keys)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aPasswordSetWhileTheGatewayRunsCountsFromTheNextSignInAndIsMarkedAsChosen(@TempDir Path dataDirectory,
                                                                                  CapturedOutput output) {
        Path keys = dataDirectory.resolve("keys");
        GeneratedOperatorAccount generated = GeneratedOperatorAccount.loadOrCreate(keys, hasher);
        Matcher logged = LOGGED_PASSWORD.matcher(output.getOut());
        assertThat(logged.find()).isTrue();
        String generatedPassword = logged.group(1);
        OperatorAccounts accounts = new OperatorAccounts(generated);

        GeneratedOperatorAccount.setPassword(keys, "my own operator password".toCharArray(), hasher);

        assertThat(authenticate(accounts, "admin", "my own operator password")).contains("admin");
        assertThat(authenticate(accounts, "admin", generatedPassword)).isEmpty();
        assertThat(generated.passwordSetByOperator()).isTrue();
        assertThat(GeneratedOperatorAccount.loadOrCreate(keys, hasher).passwordSetByOperator()).isTrue();
    }

    @Test
    void aPasswordSetBeforeTheFirstStartIsTheAccountsAndNothingIsGenerated(@TempDir Path dataDirectory,
                                                                          CapturedOutput output) {
        Path keys = dataDirectory.resolve("keys");

        GeneratedOperatorAccount.setPassword(keys, "chosen before the start".toCharArray(), hasher);
        GeneratedOperatorAccount account = GeneratedOperatorAccount.loadOrCreate(keys, hasher);

        assertThat(output.getOut()).doesNotContain("Generated");
        assertThat(authenticate(new OperatorAccounts(account), "admin", "chosen before the start")).contains("admin");
        assertThat(account.passwordSetByOperator()).isTrue();
    }

    @Test
    void hashToolMakesAHashTheAccountsAccept() {
        String hash = OperatorPasswordHash.hash("a long operator password".toCharArray());

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        OperatorAccounts accounts = new OperatorAccounts(List.of(new OperatorProperties.Account("ops", hash)), hasher);
        assertThat(authenticate(accounts, "ops", "a long operator password")).contains("ops");
        assertThatThrownBy(() -> OperatorPasswordHash.hash("too short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** As the operator chain asks: Spring Security's provider over the accounts, with the Argon2id encoder. */
    private Optional<String> authenticate(OperatorAccounts accounts, String user, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(new Argon2idPasswordEncoder(hasher));
        try {
            return Optional.of(provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
                    .getName());
        } catch (BadCredentialsException refused) {
            return Optional.empty();
        }
    }
}
