package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.api.ErrorPages;
import dev.paygate.gateway.merchantapi.MerchantRefunds;
import dev.paygate.gateway.merchantapi.PaymentQuery;
import dev.paygate.gateway.payment.TypedAmount;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import dev.paygate.routes.account.AccountRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The merchant's payments: a search with filters (the same query as the API's {@code GET .../transactions}), one
 * payment's whole story, and refunds from that page (the same refund as the API's).
 */
@Controller
record PaymentPagesController(AccountDesk desk, PaymentStory stories, MerchantRefunds refunds) {

    static final int PAGE_SIZE = 25;
    private static final int FORM_KEY_LENGTH_MAX = 64;
    private static final Logger log = LoggerFactory.getLogger(PaymentPagesController.class);

    /** The search form's fields as given, so the page shows them again and its page links keep them. */
    record Search(String q, String status, String path, String from, String to) {
    }

    @GetMapping("/merchant/payments")
    String payments(@AuthenticationPrincipal SignedInMerchant merchant, Model model, HttpServletResponse response,
                    @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
                    @RequestParam(defaultValue = "") String path, @RequestParam(defaultValue = "") String from,
                    @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "0") int page,
                    @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Search search = new Search(q, status, path, from, to);
        model.addAttribute("search", search);
        Optional<AccountRequest.MerchantTransactions> query = PaymentQuery.of(merchant.merchantId(), page, PAGE_SIZE,
                status, q, path, from, to);
        if (query.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("searchError", "Check the search: days are YYYY-MM-DD, the first not after the last;"
                    + " an id has at most 200 characters.");
            return "merchant/payments";
        }
        DashboardFormat format = DashboardFormat.of(acceptLanguage);
        AccountAnswer.MerchantTransactions found = desk.merchantTransactions(query.get());
        model.addAttribute("payments", found.entries().stream().map(entry -> PaymentRow.of(entry, format)).toList());
        model.addAttribute("total", found.totalEntries());
        model.addAttribute("firstShown", found.entries().isEmpty() ? 0 : (long) page * PAGE_SIZE + 1);
        model.addAttribute("lastShown", (long) page * PAGE_SIZE + found.entries().size());
        model.addAttribute("previousPage", page > 0 ? pageLink(search, page - 1) : null);
        model.addAttribute("nextPage", (long) (page + 1) * PAGE_SIZE < found.totalEntries()
                && page < PaymentQuery.PAGE_MAX ? pageLink(search, page + 1) : null);
        return "merchant/payments";
    }

    @GetMapping("/merchant/payments/{ticketId}")
    ModelAndView payment(@AuthenticationPrincipal SignedInMerchant merchant, @PathVariable String ticketId,
                         @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return stories.of(merchant.merchantId(), ticketId, DashboardFormat.of(acceptLanguage))
                .map(story -> new ModelAndView("merchant/payment")
                        .addObject("story", story)
                        // A fresh key per rendered form: submitting the same form twice refunds once.
                        .addObject("refundKey", UUID.randomUUID().toString()))
                .orElseGet(() -> ErrorPages.page(HttpStatus.NOT_FOUND, "No payment of yours has this ticket id."));
    }

    @PostMapping("/merchant/payments/{ticketId}/refunds")
    String refund(@AuthenticationPrincipal SignedInMerchant merchant, @PathVariable String ticketId,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String currency,
                  @RequestParam(defaultValue = "") String refundKey, RedirectAttributes flash) {
        String story = "redirect:/merchant/payments/{ticketId}";
        flash.addAttribute("ticketId", ticketId);
        if (refundKey.isBlank() || refundKey.length() > FORM_KEY_LENGTH_MAX || currency.isBlank()) {
            flash.addFlashAttribute("refundError", "The form expired; please enter the amount again.");
            return story;
        }
        Optional<Long> amountMinor;
        try {
            amountMinor = TypedAmount.minorUnits(amount, currency);
        } catch (IllegalArgumentException unknownCurrency) {
            amountMinor = Optional.empty();
        }
        if (amountMinor.isEmpty()) {
            flash.addFlashAttribute("refundError", "Enter a positive amount in " + currency + ", e.g. 5.00.");
            return story;
        }
        try {
            // The key names the merchant: keys are unique across all refunds, so no form can replay another's.
            AccountAnswer.Refund refund = refunds.refund(merchant.merchantId(), ticketId, amountMinor.get(),
                    "merchant:" + merchant.merchantId() + ":" + refundKey);
            if (refund.approved()) {
                log.info("Merchant {} refunded {} of ticket {} from the dashboard (refund {})", merchant.merchantId(),
                        amountMinor.get(), ticketId, refund.refundId());
                flash.addFlashAttribute("refundDone", "Refunded " + DashboardFormat.of(null).money(refund.amountMinor(),
                        refund.currency()) + (refund.replayed() ? " (this form was sent before; refunded once)." : "."));
            } else {
                flash.addFlashAttribute("refundError", "The refund was refused (" + refund.reason() + "): "
                        + MerchantRefunds.explain(refund.reason()) + " Nothing was refunded.");
            }
        } catch (AccountDeskException unanswered) {
            flash.addFlashAttribute("refundError", "The back office did not answer in time; the refund may still"
                    + " complete. Reload this page in a minute before trying again: the same form refunds once.");
        }
        return story;
    }

    private static String pageLink(Search search, int page) {
        return UriComponentsBuilder.fromPath("/merchant/payments")
                .queryParam("q", search.q()).queryParam("status", search.status()).queryParam("path", search.path())
                .queryParam("from", search.from()).queryParam("to", search.to()).queryParam("page", page)
                .encode().build().toUriString();
    }
}
