package dev.paygate.gateway.api;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** Answers carrying an {@link ApiError}; never cached, as each speaks of one caller's request. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ResponseEntity<ApiError> error(HttpStatusCode status, String reason, String message) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(new ApiError(reason, message));
    }

    /** A 401 {@code auth_failed} whose challenge names the realm of the HTTP Basic credentials to give. */
    public static ResponseEntity<ApiError> unauthorized(String challenge, String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .cacheControl(CacheControl.noStore())
                .body(new ApiError("auth_failed", message));
    }
}
