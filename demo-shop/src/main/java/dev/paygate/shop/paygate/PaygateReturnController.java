package dev.paygate.shop.paygate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.paygate.merchant.ticket.TicketType;
import dev.paygate.shop.basket.Basket;

/**
 * Where the payment server sends the customer back: {@code /paygate/return?voucher=...} after a payment,
 * {@code /paygate/cancel?refusal=...} after a refusal or Cancel (or bare, after the back button).
 */
@Controller
@RequestMapping("/paygate")
record PaygateReturnController(VoucherAcceptance vouchers, RefusalReading refusals, Basket basket) {

    @GetMapping("/return")
    String paymentReturned(@RequestParam(name = "voucher", required = false) String voucher, Model model,
            HttpServletResponse response) {
        keepTokenOutOfCachesAndReferrers(response);
        switch (vouchers.accept(voucher)) {
            case VoucherOutcome.Delivered delivered -> {
                // A "buy now" order was paid outside the basket, which stays as it is.
                if (delivered.order().ticket().type() == TicketType.BASKET) {
                    basket.clear();
                }
                model.addAttribute("order", delivered.order());
                model.addAttribute("ticket", delivered.order().ticket());
                model.addAttribute("voucher", delivered.voucher());
                model.addAttribute("headerJson", delivered.headerJson());
                model.addAttribute("claimsJson", delivered.claimsJson());
                model.addAttribute("deliveredEarlier", delivered.earlier());
                return "delivery";
            }
            case VoucherOutcome.Rejected rejected -> {
                response.setStatus(rejected.status().value());
                model.addAttribute("rejection", rejected);
                return "voucher-rejected";
            }
        }
    }

    @GetMapping("/cancel")
    String paymentCancelled(@RequestParam(name = "refusal", required = false) String refusal, Model model,
            HttpServletResponse response) {
        keepTokenOutOfCachesAndReferrers(response);
        switch (refusals.read(refusal)) {
            case CancelOutcome.LeftPaymentPage left -> model.addAttribute("reasonCode", CancelOutcome.NO_REFUSAL);
            case CancelOutcome.Refused refused -> {
                model.addAttribute("reasonCode", refused.refusal().reason().code());
                model.addAttribute("refusal", refused.refusal());
            }
            case CancelOutcome.Unverified unverified -> {
                model.addAttribute("reasonCode", CancelOutcome.UNVERIFIED);
                model.addAttribute("rejection", unverified);
            }
        }
        return "cancelled";
    }

    /** The token is in the URL: no cache should keep the page, and no link should pass the URL on. */
    private static void keepTokenOutOfCachesAndReferrers(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
