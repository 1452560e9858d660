package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The operator accounts, configured ones checked once at start or the embedded default's generated one, for Spring
 * Security's sign-in form and HTTP Basic. Its
 * {@code DaoAuthenticationProvider} verifies an unknown name against a decoy hash, so an unknown name costs one
 * Argon2id derivation like a known one and the answer's timing tells nobody which names exist.
 */
final class OperatorAccounts implements UserDetailsService {

    static final String ROLE = "OPERATOR";
    private static final char[] PROBE_PASSWORD = "probe password for a configured hash".toCharArray();
    private static final int USERNAME_LENGTH_MAX = 64;
    /** No colon: HTTP Basic ends the user name at the first one (RFC 7617). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1," + USERNAME_LENGTH_MAX + "}");

    private final Map<String, OperatorProperties.Account> configured;
    /** The embedded default's one account when none is configured; read again when its file changes. */
    private final GeneratedOperatorAccount generated;

    OperatorAccounts(List<OperatorProperties.Account> configured, Argon2idPasswordHasher hasher) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("at least one operator account is needed");
        }
        for (int index = 0; index < configured.size(); index++) {
            OperatorProperties.Account account = configured.get(index);
            String where = "paygate.operator.accounts[" + index + "]";
            if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
                throw new IllegalArgumentException(where + ".username must be 1.." + USERNAME_LENGTH_MAX
                        + " letters, digits or . _ @ -");
            }
            if (configured.subList(0, index).stream().anyMatch(earlier -> earlier.username().equals(account.username()))) {
                throw new IllegalArgumentException(where + ".username repeats " + account.username());
            }
            requirePhc(where + ".password-hash", account.passwordHash(), hasher);
        }
        this.configured = configured.stream()
                .collect(Collectors.toUnmodifiableMap(OperatorProperties.Account::username, Function.identity()));
        this.generated = null;
    }

    OperatorAccounts(GeneratedOperatorAccount generated) {
        this.configured = Map.of();
        this.generated = generated;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        OperatorProperties.Account account = generated == null ? configured.get(username) : generated.account();
        if (account == null || !account.username().equals(username)) {
            throw new UsernameNotFoundException("no such operator");
        }
        return User.withUsername(account.username()).password(account.passwordHash()).roles(ROLE).build();
    }

    /** The generated account, when this process has one; empty when accounts are configured. */
    Optional<GeneratedOperatorAccount> generated() {
        return Optional.ofNullable(generated);
    }

    /** A hash that does not parse fails the start (or the reload), not the first login. */
    static void requirePhc(String where, String passwordHash, Argon2idPasswordHasher hasher) {
        if (passwordHash == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        try {
            hasher.verify(PROBE_PASSWORD, passwordHash);
        } catch (IllegalArgumentException notPhc) {
            throw new IllegalArgumentException(where + " is not an Argon2id PHC string"
                    + " ($argon2id$v=19$m=...,t=...,p=...$salt$hash); make one with OperatorPasswordHash");
        }
    }
}
