package dev.paygate.merchant.jose;

/** The text is not a well-formed token of the expected type; the message says what is wrong. */
public final class MalformedTokenException extends Exception {

    public MalformedTokenException(String message) {
        super(message);
    }

    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
