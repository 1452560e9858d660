package dev.paygate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;

class ApiErrorsTest {

    @Test
    void aSpringRequestErrorKeepsItsStatusAsBadRequestWithTheApisMessage() {
        ResponseEntity<ApiError> answer = ApiErrors.fault(LoggerFactory.getLogger(ApiErrorsTest.class), "Test API",
                new HttpRequestMethodNotSupportedException("DELETE"),
                status -> "not understood: " + status.getReasonPhrase());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(answer.getBody()).isEqualTo(new ApiError("bad_request", "not understood: Method Not Allowed"));
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void anyOtherFaultIsAnInternalErrorThatQuotesNothingOfTheCause() {
        ResponseEntity<ApiError> answer = ApiErrors.fault(LoggerFactory.getLogger(ApiErrorsTest.class), "Test API",
                new IllegalStateException("card 4111111111111111"), status -> "not understood");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody()).isEqualTo(new ApiError("internal_error",
                "Something went wrong on our side; please retry later."));
    }
}
