package dev.paygate.routes.order;

/** A message that no retry can make valid: it goes to the dead-letter queue with this reason. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String reason) {
        super(reason);
    }
}
