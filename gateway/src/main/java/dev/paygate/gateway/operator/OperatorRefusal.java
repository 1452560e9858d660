package dev.paygate.gateway.operator;

import org.springframework.http.HttpStatus;

/**
 * An operator request refused for a reason the operator can fix: the API answers {@code {"reason","message"}}
 * with its status; the console shows a notice.
 */
final class OperatorRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String reason;

    private OperatorRefusal(HttpStatus status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    static OperatorRefusal invalid(String message) {
        return new OperatorRefusal(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    static OperatorRefusal conflict(String reason, String message) {
        return new OperatorRefusal(HttpStatus.CONFLICT, reason, message);
    }

    static OperatorRefusal notFound(String reason, String message) {
        return new OperatorRefusal(HttpStatus.NOT_FOUND, reason, message);
    }

    static OperatorRefusal unavailable(String reason, String message) {
        return new OperatorRefusal(HttpStatus.SERVICE_UNAVAILABLE, reason, message);
    }

    HttpStatus status() {
        return status;
    }

    String reason() {
        return reason;
    }
}
