package dev.paygate.gateway.operator;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator accounts for the console and the operator API. When none is configured (the embedded default) one
 * account {@code admin} is generated once into the data directory: see {@link GeneratedOperatorAccount}.
 *
 * @param accounts user names with Argon2id hashes in PHC form, made by {@link OperatorPasswordHash}
 */
@ConfigurationProperties("paygate.operator")
public record OperatorProperties(@DefaultValue List<Account> accounts) {

    public OperatorProperties {
        accounts = List.copyOf(accounts);
    }

    /** @param passwordHash {@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}; never the password itself */
    public record Account(String username, String passwordHash) {

        @Override
        public String toString() {
            return "Account[username=" + username + ", passwordHash=***]";
        }
    }
}
