package dev.paygate.shop.paygate;

import org.springframework.http.HttpStatus;

import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.shop.checkout.Order;

/** What the return URL makes of the voucher the browser brought. */
public sealed interface VoucherOutcome {

    /**
     * Verified and delivered, once; a reload of the same voucher shows the same delivery again.
     *
     * @param headerJson the voucher's JOSE header, pretty-printed, for the "raw voucher" view
     * @param claimsJson the voucher's claims as signed, pretty-printed
     * @param earlier    true when this voucher delivered the order before (a reload): shown again, not delivered again
     */
    record Delivered(Order order, Voucher voucher, String headerJson, String claimsJson, boolean earlier)
            implements VoucherOutcome {
    }

    /**
     * Not delivered.
     *
     * @param code a {@code VoucherRejectedException} code, or {@code unknown_order} or {@code already_delivered}
     * @param explanation for the customer
     * @param orderId the order, when the voucher names one the shop knows; else null
     * @param status the HTTP status of the page
     */
    record Rejected(String code, String explanation, String orderId, HttpStatus status) implements VoucherOutcome {
    }
}
