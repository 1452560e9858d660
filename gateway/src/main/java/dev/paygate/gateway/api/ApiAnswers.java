package dev.paygate.gateway.api;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/** Answers of the JSON API; never cached, as each speaks of one caller's request. */
public final class ApiAnswers {

    private ApiAnswers() {
    }

    public static <T> ResponseEntity<T> ok(T body) {
        return answer(HttpStatus.OK, body);
    }

    public static <T> ResponseEntity<T> answer(HttpStatusCode status, T body) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }
}
