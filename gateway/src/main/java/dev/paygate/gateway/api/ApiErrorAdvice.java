package dev.paygate.gateway.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The front unit's API answers faults as {@code {"reason","message"}}: never a stack trace. */
@RestControllerAdvice(annotations = PublicApi.class)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> fault(Exception fault) {
        if (fault instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            return ResponseEntity.status(requestError.getStatusCode())
                    .body(new ApiError("bad_request", "The request was not understood: "
                            + HttpStatus.valueOf(requestError.getStatusCode().value()).getReasonPhrase() + "."));
        }
        log.error("API fault", fault);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("internal_error", "Something went wrong on our side; please retry later."));
    }
}
