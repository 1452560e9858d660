package dev.paygate.merchant.jose;

/** A token's claims are missing, mistyped or break a format rule; the message names the claim. */
public final class InvalidClaimsException extends Exception {

    public InvalidClaimsException(String message) {
        super(message);
    }

    public InvalidClaimsException(String message, Throwable cause) {
        super(message, cause);
    }
}
