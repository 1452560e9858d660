package dev.paygate.shop.paygate;

import org.springframework.http.HttpStatus;

import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.shop.checkout.Order;

/** What the return URL makes of the voucher the browser brought. */
public sealed interface VoucherOutcome {

    /**
     * Verified and delivered, for the first and only time.
     *
     * @param headerJson the voucher's JOSE header, pretty-printed, for the "raw voucher" view
     * @param claimsJson the voucher's claims as signed, pretty-printed
     */
    record Delivered(Order order, Voucher voucher, String headerJson, String claimsJson) implements VoucherOutcome {
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
