package dev.paygate.gateway.payment;

import dev.paygate.gateway.api.ErrorPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Faults on the payment pages become a plain error page: never a stack trace, never the ticket. */
@ControllerAdvice(assignableTypes = PaymentController.class)
class PaymentPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PaymentPageAdvice.class);

    /** Spring's own request errors (missing form field, wrong method or media type) keep their 4xx status. */
    @ExceptionHandler(Exception.class)
    ModelAndView fault(Exception fault) {
        if (fault instanceof ErrorResponse requestError && requestError.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(requestError.getStatusCode().value());
            return ErrorPages.page(status, "The request was not understood. Please go back to the shop and start again.");
        }
        log.error("Payment page fault", fault);
        return ErrorPages.page(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. If you confirmed a payment, it was taken at most once.");
    }
}
