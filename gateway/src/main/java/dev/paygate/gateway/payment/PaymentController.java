package dev.paygate.gateway.payment;

import dev.paygate.gateway.auth.CustomerCredentials;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The payment page (docs/architecture.md steps 2-4, 7). Only POSTs change anything: a GET shows a ticket or a status,
 * never confirms. Pages are server-rendered and need no JavaScript.
 */
@Controller
class PaymentController {

    private final PaymentFlow flow;

    PaymentController(PaymentFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/pay/{ticket}")
    ModelAndView open(@PathVariable String ticket,
                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return render(flow.open(ticket), acceptLanguage);
    }

    /** The same page for tickets too long for a URL, posted by the merchant's auto-submitting form. */
    @PostMapping(path = "/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView openPosted(@RequestParam String ticket,
                            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return render(flow.open(ticket), acceptLanguage);
    }

    @PostMapping(path = "/pay/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView confirm(@RequestParam String ticket,
                         @RequestParam(required = false) String customerId,
                         @RequestParam(required = false) String password,
                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        char[] secret = password == null ? null : password.toCharArray();
        try {
            return render(flow.confirm(ticket, customerId, secret), acceptLanguage);
        } finally {
            CustomerCredentials.wipe(secret);
        }
    }

    @PostMapping(path = "/pay/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView cancel(@RequestParam String ticket,
                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return render(flow.cancel(ticket), acceptLanguage);
    }

    @GetMapping("/pay/status/{ticketId}")
    ModelAndView status(@PathVariable String ticketId,
                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return render(flow.status(ticketId), acceptLanguage);
    }

    private static ModelAndView render(PaymentOutcome outcome, String acceptLanguage) {
        return switch (outcome) {
            case PaymentOutcome.ShowPage page -> new ModelAndView("pay",
                    Map.of("page", PaymentPage.of(page.ticket(), page.merchantName(), page.compactTicket(),
                            MoneyFormat.localeOf(acceptLanguage))),
                    HttpStatus.OK);
            case PaymentOutcome.ToMerchant toMerchant -> new ModelAndView(seeOther(toMerchant.location().toString()));
            case PaymentOutcome.Refused refused -> new ModelAndView("refused", Map.of("refusal", refused),
                    RefusalMessages.status(refused.reason()));
            case PaymentOutcome.Pending pending -> new ModelAndView("pending", Map.of("pending", pending),
                    HttpStatus.ACCEPTED);
            case PaymentOutcome.UnknownTicket unknown -> ErrorPages.page(HttpStatus.NOT_FOUND,
                    "No payment is known for this ticket.");
        };
    }

    /** 303, so the browser GETs the merchant's page and a reload never re-posts the confirmation. */
    private static RedirectView seeOther(String location) {
        RedirectView redirect = new RedirectView(location);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }
}
