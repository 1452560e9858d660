package dev.paygate.gateway.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container's error dispatch (no handler for the path, a method or content type
 * the path does not take, a fault outside any controller's own handling): {@code {"reason","message"}} on the API
 * paths, the HTML error page everywhere else. Replaces Spring Boot's error controller, whose JSON has another shape.
 * Messages are ours, per status: never the exception's, which could quote the request.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers implements ErrorController {

    /** Paths whose callers are programs: they get JSON whatever they accept. */
    private static final String[] API_PATHS = {"/api/", "/.well-known/", "/v3/api-docs"};
    private static final Map<HttpStatus, String> MESSAGES = Map.of(
            HttpStatus.BAD_REQUEST, "The request was not understood.",
            HttpStatus.UNAUTHORIZED, "This needs credentials.",
            HttpStatus.FORBIDDEN, "This is not allowed.",
            HttpStatus.NOT_FOUND, "There is nothing at this address.",
            HttpStatus.METHOD_NOT_ALLOWED, "This address does not take this HTTP method; the Allow header says which it takes.",
            HttpStatus.NOT_ACCEPTABLE, "This address cannot answer in a media type the request accepts.",
            HttpStatus.PAYLOAD_TOO_LARGE, "The request is too large.",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "This address does not take the request's Content-Type; see /v3/api-docs.",
            HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; please retry later.");

    private static ResponseEntity<ApiError> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(reason(status), message(status)));
    }

    /** By the failed request's path alone, whatever it accepts: a program calling the API always gets JSON. */
    @RequestMapping
    Object answer(HttpServletRequest request) {
        if (isApiPath(request)) {
            return json(request);
        }
        HttpStatus status = status(request);
        // The page's own wording covers every other status.
        return ErrorPages.page(status, status == HttpStatus.NOT_FOUND ? "There is no page at this address." : "");
    }

    /** Stable codes: the status's name in lower case, {@code internal_error} for every 5xx. */
    static String reason(HttpStatus status) {
        return status.is5xxServerError() ? "internal_error" : status.name().toLowerCase(Locale.ROOT);
    }

    private static String message(HttpStatus status) {
        return MESSAGES.getOrDefault(status, status.is5xxServerError() ? MESSAGES.get(HttpStatus.INTERNAL_SERVER_ERROR)
                : status.getReasonPhrase() + ".");
    }

    private static boolean isApiPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String text ? text.substring(request.getContextPath().length()) : "";
        for (String apiPath : API_PATHS) {
            if (path.startsWith(apiPath)) {
                return true;
            }
        }
        return false;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
