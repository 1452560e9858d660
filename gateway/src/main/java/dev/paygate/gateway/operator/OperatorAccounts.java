package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The configured operator accounts, checked once at start, for Spring Security's HTTP Basic. Its
 * {@code DaoAuthenticationProvider} verifies an unknown name against a decoy hash, so an unknown name costs one
 * Argon2id derivation like a known one and the answer's timing tells nobody which names exist.
 */
final class OperatorAccounts implements UserDetailsService {

    static final String ROLE = "OPERATOR";
    private static final char[] PROBE_PASSWORD = "probe password for a configured hash".toCharArray();
    private static final int USERNAME_LENGTH_MAX = 64;
    /** No colon: HTTP Basic ends the user name at the first one (RFC 7617). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1," + USERNAME_LENGTH_MAX + "}");

    private final Map<String, OperatorProperties.Account> byUsername;

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
            requirePhc(where, account.passwordHash(), hasher);
        }
        this.byUsername = configured.stream()
                .collect(Collectors.toUnmodifiableMap(OperatorProperties.Account::username, Function.identity()));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        OperatorProperties.Account account = byUsername.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("no such operator");
        }
        return User.withUsername(account.username()).password(account.passwordHash()).roles(ROLE).build();
    }

    /** A hash that does not parse fails the start, not the first login. */
    private static void requirePhc(String where, String passwordHash, Argon2idPasswordHasher hasher) {
        if (passwordHash == null) {
            throw new IllegalArgumentException(where + ".password-hash is missing");
        }
        try {
            hasher.verify(PROBE_PASSWORD, passwordHash);
        } catch (IllegalArgumentException notPhc) {
            throw new IllegalArgumentException(where + ".password-hash is not an Argon2id PHC string"
                    + " ($argon2id$v=19$m=...,t=...,p=...$salt$hash); make one with OperatorPasswordHash");
        }
    }
}
