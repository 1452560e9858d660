package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Argon2idPasswordHasher;
import dev.paygate.gateway.auth.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an operator's HTTP Basic credentials. Every attempt costs one Argon2id derivation and walks every
 * account, whether the user name exists or not, and both comparisons are constant-time, so the answer's
 * timing tells nobody which user names exist.
 */
final class OperatorAccounts {

    private static final char[] DECOY_PASSWORD = "decoy password for unknown operators".toCharArray();
    private static final int USERNAME_LENGTH_MAX = 64;
    /** No colon: HTTP Basic ends the user name at the first one (RFC 7617). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1," + USERNAME_LENGTH_MAX + "}");

    private final List<StoredAccount> accounts;
    private final Argon2idPasswordHasher hasher;
    /** Verified against when the user name is unknown, so an unknown name costs what a known one does. */
    private final String decoyHash;

    OperatorAccounts(List<OperatorProperties.Account> configured, Argon2idPasswordHasher hasher) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("at least one operator account is needed");
        }
        this.hasher = hasher;
        this.decoyHash = hasher.hash(DECOY_PASSWORD);
        Set<String> usernames = new HashSet<>();
        for (int index = 0; index < configured.size(); index++) {
            OperatorProperties.Account account = configured.get(index);
            String where = "paygate.operator.accounts[" + index + "]";
            if (account.username() == null || !USERNAME.matcher(account.username()).matches()) {
                throw new IllegalArgumentException(where + ".username must be 1.." + USERNAME_LENGTH_MAX
                        + " letters, digits or . _ @ -");
            }
            if (!usernames.add(account.username())) {
                throw new IllegalArgumentException(where + ".username repeats " + account.username());
            }
            requirePhc(where, account.passwordHash());
        }
        this.accounts = configured.stream()
                .map(account -> new StoredAccount(account.username(),
                        account.username().getBytes(StandardCharsets.UTF_8), account.passwordHash()))
                .toList();
    }

    /** The operator's user name when the credentials match an account. */
    Optional<String> authenticate(BasicCredentials credentials) {
        byte[] given = credentials.userId().getBytes(StandardCharsets.UTF_8);
        StoredAccount matched = null;
        for (StoredAccount account : accounts) {
            if (MessageDigest.isEqual(account.usernameUtf8(), given)) {
                matched = account;
            }
        }
        String hash = matched == null ? decoyHash : matched.passwordHash();
        boolean passwordMatches = hasher.verify(credentials.secret(), hash);
        return matched != null && passwordMatches ? Optional.of(matched.username()) : Optional.empty();
    }

    /** A hash that does not parse fails the start, not the first login. */
    private void requirePhc(String where, String passwordHash) {
        if (passwordHash == null) {
            throw new IllegalArgumentException(where + ".password-hash is missing");
        }
        try {
            hasher.verify(DECOY_PASSWORD, passwordHash);
        } catch (IllegalArgumentException notPhc) {
            throw new IllegalArgumentException(where + ".password-hash is not an Argon2id PHC string"
                    + " ($argon2id$v=19$m=...,t=...,p=...$salt$hash); make one with OperatorPasswordHash");
        }
    }

    private record StoredAccount(String username, byte[] usernameUtf8, String passwordHash) {
    }
}
