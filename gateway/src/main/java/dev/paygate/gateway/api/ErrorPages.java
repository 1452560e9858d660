package dev.paygate.gateway.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The error page (error.html) with the model Spring Boot's own error controller gives it, so one template serves both. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static ModelAndView page(HttpStatus status, String message) {
        return new ModelAndView("error", Map.of(
                "status", status.value(),
                "error", status.getReasonPhrase(),
                "message", message), status);
    }
}
