package dev.paygate.gateway.api;

import java.util.function.Function;
import org.slf4j.Logger;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/** Answers carrying an {@link ApiError}; never cached, like every {@link ApiAnswers answer}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ResponseEntity<ApiError> error(HttpStatusCode status, String reason, String message) {
        return ApiAnswers.answer(status, new ApiError(reason, message));
    }

    /** A 401 {@code auth_failed} whose challenge names the realm of the HTTP Basic credentials to give. */
    public static ResponseEntity<ApiError> unauthorized(String challenge, String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .cacheControl(CacheControl.noStore())
                .body(new ApiError("auth_failed", message));
    }

    /** A 400 for a body that is not the documented JSON, or a parameter of the wrong type; the reason is the API's. */
    public static ResponseEntity<ApiError> notDocumentedShape(String reason) {
        return error(HttpStatus.BAD_REQUEST, reason,
                "The request does not have the documented shape; see /v3/api-docs.");
    }

    /**
     * The answer to a fault no handler of the API took: Spring's own request errors (wrong method or media type, a
     * missing parameter) keep their 4xx as {@code bad_request}, with the API's message for that status; anything
     * else is an {@link #internalError}.
     */
    public static ResponseEntity<ApiError> fault(Logger log, String api, Exception fault,
                                                 Function<HttpStatus, String> requestErrorMessage) {
        if (fault instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(requestError.getStatusCode().value());
            return error(status, "bad_request", requestErrorMessage.apply(status));
        }
        return internalError(log, api, fault);
    }

    /** A 500 for a fault nobody expected: the cause goes to the log only, as it may quote the request. */
    public static ResponseEntity<ApiError> internalError(Logger log, String api, Exception fault) {
        log.error("{} fault", api, fault);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; please retry later.");
    }
}
