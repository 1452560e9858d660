package dev.paygate.gateway.payment;

import dev.paygate.gateway.api.ErrorPages;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.security.WebSecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * The payment page (docs/architecture.md steps 2-4, 7). Only POSTs change anything: a GET shows a ticket or a status,
 * never confirms. Pages are server-rendered and need no JavaScript.
 */
@Controller
record PaymentController(PaymentFlow flow, StatusAccess statusAccess, PaymentMethodHint paymentMethod) {

    /** How often a pending page asks for the payment's status. */
    static final int PENDING_REFRESH_SECONDS = 3;
    /** After this many checks (a minute) the pending page says the wait is unusually long and what that means. */
    static final int PENDING_CHECKS_BEFORE_LONG_WAIT = 20;
    /** Checks counted at most: the count only words the page. */
    private static final int PENDING_CHECKS_MAX = 100_000;
    private static final String PAYMENT_PAGE = "pay";

    @GetMapping("/pay/{ticket}")
    ModelAndView open(@PathVariable String ticket,
                      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                      HttpServletResponse response) {
        return render(flow.open(ticket), acceptLanguage, response);
    }

    /** The same page for tickets too long for a URL, posted by the merchant's auto-submitting form. */
    @PostMapping(path = "/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView openPosted(@RequestParam String ticket,
                            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                      HttpServletResponse response) {
        return render(flow.open(ticket), acceptLanguage, response);
    }

    @PostMapping(path = "/pay/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView confirm(@RequestParam String ticket,
                         @RequestParam(required = false) String customerId,
                         @RequestParam(required = false) String password,
                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                         HttpServletRequest request, HttpServletResponse response) {
        char[] secret = password == null ? null : password.toCharArray();
        try {
            return confirmed(flow.confirm(ticket, customerId, secret), acceptLanguage, request, response);
        } finally {
            CustomerCredentials.wipe(secret);
        }
    }

    /**
     * A confirm or cancel refused for its CSRF token (forwarded here by Spring Security): nothing was done, and the
     * page is shown again with a fresh token, so that the customer whose page came from a front that has since died
     * confirms again instead of meeting a dead end; a ticket that was used meanwhile answers as a confirm would.
     */
    @RequestMapping(WebSecurityConfiguration.PAYMENT_FORM_REFUSED_PATH)
    ModelAndView formRefused(@RequestParam(required = false) String ticket,
                             @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                             HttpServletRequest request, HttpServletResponse response) {
        if (ticket == null) {
            return new ModelAndView("forward:" + WebSecurityConfiguration.FORBIDDEN_PATH);
        }
        ModelAndView page = confirmed(flow.openAfterRefusedForm(ticket), acceptLanguage, request, response);
        if (PAYMENT_PAGE.equals(page.getViewName())) {
            page.addObject("formRefused", true);
            page.setStatus(HttpStatus.FORBIDDEN);
        }
        return page;
    }

    @PostMapping(path = "/pay/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView cancel(@RequestParam String ticket,
                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                      HttpServletResponse response) {
        return render(flow.cancel(ticket), acceptLanguage, response);
    }

    /** For the browser that confirmed, or with the ticket itself as {@code ?ticket=}; to anyone else it is unknown. */
    /** @param checks how many times the pending page asked already; it counts them to show the wait's progress */
    @GetMapping("/pay/status/{ticketId}")
    ModelAndView status(@PathVariable String ticketId, @RequestParam(required = false) String ticket,
                        @RequestParam(defaultValue = "0") int checks,
                        @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                        HttpServletRequest request, HttpServletResponse response) {
        if (!statusAccess.allows(request, ticketId, ticket)) {
            return render(new PaymentOutcome.UnknownTicket(ticketId), acceptLanguage, response);
        }
        return render(flow.status(ticketId), acceptLanguage, response, Math.clamp(checks, 0, PENDING_CHECKS_MAX));
    }

    private ModelAndView render(PaymentOutcome outcome, String acceptLanguage, HttpServletResponse response) {
        return render(outcome, acceptLanguage, response, 0);
    }

    /** A confirm's answer: while it is pending, this browser may ask for its status without the ticket. */
    private ModelAndView confirmed(PaymentOutcome outcome, String acceptLanguage, HttpServletRequest request,
                                   HttpServletResponse response) {
        if (outcome instanceof PaymentOutcome.Pending pending) {
            statusAccess.grant(request, pending.ticketId());
        }
        return render(outcome, acceptLanguage, response);
    }

    private ModelAndView render(PaymentOutcome outcome, String acceptLanguage, HttpServletResponse response,
                                int checks) {
        Locale locale = MoneyFormat.localeOf(acceptLanguage);
        return switch (outcome) {
            case PaymentOutcome.ShowPage page -> new ModelAndView(PAYMENT_PAGE,
                    Map.of("page", PaymentPage.of(page.ticket(), page.merchantName(), page.compactTicket(),
                            paymentMethod.of(page.ticket()).orElse(null), locale)),
                    HttpStatus.OK);
            case PaymentOutcome.ToMerchant toMerchant -> new ModelAndView(seeOther(toMerchant.location().toString()));
            case PaymentOutcome.Refused refused -> new ModelAndView("refused", Map.of("refusal", refused),
                    RefusalMessages.status(refused.reason()));
            case PaymentOutcome.AlreadyPaid paid -> new ModelAndView("paid",
                    Map.of("paid", paid, "voucher", PaidPage.of(paid, locale)), HttpStatus.OK);
            case PaymentOutcome.Pending pending -> pendingPage(pending, checks, response);
            case PaymentOutcome.UnknownTicket unknown -> ErrorPages.page(HttpStatus.NOT_FOUND,
                    "No payment is known for this ticket.");
        };
    }

    /**
     * Undecided: the page asks again by itself, without JavaScript, until the status answers with the voucher or
     * the refusal (a 303 to the merchant). Each check counts itself in the next URL, so the page can say how long
     * it has waited, and after a minute that the wait is unusually long.
     */
    private static ModelAndView pendingPage(PaymentOutcome.Pending pending, int checks, HttpServletResponse response) {
        response.setHeader("Refresh", PENDING_REFRESH_SECONDS + "; url=/pay/status/"
                + UriUtils.encodePathSegment(pending.ticketId(), StandardCharsets.UTF_8) + "?checks=" + (checks + 1));
        return new ModelAndView("pending", Map.of("pending", pending, "refreshSeconds", PENDING_REFRESH_SECONDS,
                "checks", checks, "waitedSeconds", (long) checks * PENDING_REFRESH_SECONDS,
                "longWait", checks >= PENDING_CHECKS_BEFORE_LONG_WAIT), HttpStatus.ACCEPTED);
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
