package dev.paygate.shop.checkout;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.shop.basket.Basket;
import dev.paygate.shop.basket.BasketPricing;
import dev.paygate.shop.basket.PricedBasket;
import dev.paygate.shop.catalogue.Catalogue;
import dev.paygate.shop.catalogue.Product;

/**
 * Sends the customer to the payment page: a 303 to {@code <gateway>/pay/<ticket>} when the URL is short
 * enough, else a page that posts the ticket by itself (with a button when JavaScript is off).
 * The basket stays as it is until a voucher for the order is accepted.
 */
@Controller
record CheckoutController(
        Basket basket, BasketPricing pricing, Catalogue catalogue, Checkout checkout, PayLink payLink) {

    private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);
    private static final MediaType HTML_UTF8 = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    @PostMapping("/checkout")
    ResponseEntity<String> checkOut() {
        PricedBasket priced = pricing.price(basket);
        if (priced.isEmpty()) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/basket")).build();
        }
        return toPaymentPage(checkout.checkOut(priced));
    }

    @PostMapping("/checkout/buy-now")
    ResponseEntity<String> buyNow(@RequestParam String sku) {
        Product product = catalogue.find(sku).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return toPaymentPage(checkout.buyNow(product));
    }

    private ResponseEntity<String> toPaymentPage(PaymentStart start) {
        Ticket ticket = start.order().ticket();
        log.info("Order {} ({} ticket, {} {} minor, serial {}) sent to the payment page", ticket.orderId(),
                ticket.type().code(), ticket.amountMinor(), ticket.currency(), ticket.serial());
        String compact = start.compactTicket();
        // The ticket is single-use and short-lived: no cache may keep the redirect or the form.
        if (payLink.fitsInUrl(compact)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(payLink.payUrl(compact))
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(HTML_UTF8)
                .cacheControl(CacheControl.noStore())
                .body(payLink.autoSubmitPage(compact));
    }
}
