package dev.paygate.gateway.auth;

/** The answer to a customer's password. */
public enum AuthenticationResult {
    AUTHENTICATED,
    /** Unknown customer, wrong password, or a locked customer with a wrong password: never told apart. */
    FAILED,
    /** The right password for a locked customer: only the password holder learns of the lock. */
    LOCKED
}
