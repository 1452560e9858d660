package dev.paygate.gateway.operator;

import dev.paygate.gateway.api.ApiError;
import dev.paygate.gateway.api.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The operator API answers every refusal and fault as {@code {"reason","message"}}, never with a stack trace or
 * a piece of the request body (which may hold a password or a card number).
 */
@RestControllerAdvice(assignableTypes = {OperatorApiController.class, OperatorPaymentMessagesController.class,
        NetworkApiController.class})
@AllInOne
class OperatorApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(OperatorApiAdvice.class);

    @ExceptionHandler(OperatorRefusal.class)
    ResponseEntity<ApiError> refused(OperatorRefusal refusal) {
        return ApiErrors.error(refusal.status(), refusal.reason(), refusal.getMessage());
    }

    /** The ledger's and the front's own checks (ids, currencies, IBAN, key shape); their messages name no secret. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalid(IllegalArgumentException invalid) {
        return ApiErrors.error(HttpStatus.BAD_REQUEST, "invalid_request", invalid.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception unreadable) {
        return ApiErrors.notDocumentedShape("invalid_request");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception fault) {
        return ApiErrors.fault(log, "Operator API", fault,
                status -> "The request was not understood: " + status.getReasonPhrase() + ".");
    }
}
