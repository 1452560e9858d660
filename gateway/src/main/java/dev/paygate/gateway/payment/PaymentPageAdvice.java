package dev.paygate.gateway.payment;

import dev.paygate.gateway.api.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Faults on the payment pages become a plain error page: never a stack trace, never the ticket. */
@ControllerAdvice(assignableTypes = PaymentController.class)
class PaymentPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaymentPageAdvice.class);

    /** Seconds after which a page that found the database away is worth asking again. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** Spring's own request errors (missing form field, wrong method or media type) keep their 4xx status. */
    @ExceptionHandler(Exception.class)
    ModelAndView fault(Exception fault, HttpServletRequest request, HttpServletResponse response) {
        if (fault instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(requestError.getStatusCode().value());
            return ErrorPages.page(status, "The request was not understood. Please go back to the shop and start again.");
        }
        if (fault instanceof DataAccessResourceFailureException || fault instanceof TransientDataAccessException) {
            // The database restarting or failing over: seconds, not a fault of ours to page anyone about.
            log.warn("Payment page answered 503: database unavailable ({})", fault.getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
            if (HttpMethod.GET.matches(request.getMethod())) {
                // The browser asks again by itself, as the pending page does; a form is never posted again.
                response.setHeader("Refresh", Integer.toString(RETRY_AFTER_SECONDS));
            }
            return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE, "The payment service is unavailable for a moment."
                    + " If you confirmed a payment, it was taken at most once; please try again in a few seconds.");
        }
        log.error("Payment page fault", fault);
        return ErrorPages.page(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. If you confirmed a payment, it was taken at most once.");
    }
}
