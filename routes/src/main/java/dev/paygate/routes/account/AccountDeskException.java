package dev.paygate.routes.account;

/**
 * The back office could not answer the question: an unknown party, or no answer in time
 * ({@value #UNAVAILABLE}). A refused refund or top-up is an answer, not this exception.
 */
public class AccountDeskException extends RuntimeException {

    public static final String UNAVAILABLE = "back_office_unavailable";

    private final String reason;

    public AccountDeskException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A stable code, as the ledger's refusal reasons are. */
    public String reason() {
        return reason;
    }
}
