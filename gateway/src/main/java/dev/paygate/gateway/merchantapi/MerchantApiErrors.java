package dev.paygate.gateway.merchantapi;

import dev.paygate.gateway.api.ApiError;
import dev.paygate.gateway.api.ApiErrors;
import dev.paygate.routes.account.AccountDeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The merchant account API answers faults as {@code {"reason","message"}}: never a stack trace. */
@RestControllerAdvice(assignableTypes = MerchantAccountApiController.class)
class MerchantApiErrors {

    private static final Logger log = LoggerFactory.getLogger(MerchantApiErrors.class);

    @ExceptionHandler(AccountDeskException.class)
    ResponseEntity<ApiError> unanswered(AccountDeskException unanswered) {
        HttpStatus status = AccountDeskException.UNAVAILABLE.equals(unanswered.reason())
                ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY;
        return ApiErrors.error(status, unanswered.reason(), unanswered.getMessage());
    }

    /** A body that is not the documented JSON, or a parameter of the wrong type: the caller's mistake, not ours. */
    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception unreadable) {
        return ApiErrors.notDocumentedShape("bad_request");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception fault) {
        return ApiErrors.fault(log, "Merchant API", fault, status -> "The request was not understood.");
    }
}
