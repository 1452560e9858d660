package dev.paygate.gateway.auth;

/** The answer to a customer's password. */
public enum AuthenticationResult {
    AUTHENTICATED,
    /** Unknown customer, wrong password, or a locked customer whatever the password: never told apart. */
    FAILED,
    /** The source failed too often: it must wait before the password is even looked at. */
    THROTTLED
}
