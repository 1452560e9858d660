package dev.paygate.shop.checkout;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.shop.ShopProperties;
import dev.paygate.shop.basket.BasketLine;
import dev.paygate.shop.basket.PricedBasket;
import dev.paygate.shop.catalogue.Product;
import dev.paygate.shop.money.IncludedVat;

/**
 * Turns a basket (or one article bought at once) into an order and a signed ticket (docs/architecture.md step 1).
 * The ticket names no customer: the payment page asks who is paying.
 */
@Component
public class Checkout {

    static final String RETURN_PATH = "/paygate/return";
    static final String CANCEL_PATH = "/paygate/cancel";

    private final ShopProperties shop;
    private final TicketSigner signer;
    private final OrderBook orders;
    private final OrderNumbering numbering;
    private final Clock clock;

    Checkout(ShopProperties shop, TicketSigner signer, OrderBook orders, OrderNumbering numbering, Clock clock) {
        this.shop = shop;
        this.signer = signer;
        this.orders = orders;
        this.numbering = numbering;
        this.clock = clock;
    }

    /** A basket ticket: one item line per article; the lines add up to the amount. */
    public PaymentStart checkOut(PricedBasket basket) {
        if (basket.isEmpty()) {
            throw new IllegalArgumentException("an empty basket cannot be checked out");
        }
        Ticket.Builder ticket = Ticket.basket(shop.merchantId(), numbering.nextOrderId());
        for (BasketLine line : basket.lines()) {
            ticket.item(line.product().sku(), line.product().name(), line.quantity(), line.product().unitPriceMinor());
        }
        return issue(ticket.vatMinor(basket.vatMinor()));
    }

    /** A simple ticket for one unit of one article, bypassing the basket. */
    public PaymentStart buyNow(Product product) {
        Ticket.Builder ticket = Ticket.simple(shop.merchantId(), numbering.nextOrderId())
                .item(product.sku(), product.name(), 1, product.unitPriceMinor())
                .vatMinor(IncludedVat.ofGrossMinor(product.unitPriceMinor(), shop.vatRateBasisPoints()));
        return issue(ticket);
    }

    private PaymentStart issue(Ticket.Builder ticket) {
        Ticket built = ticket
                .currency(shop.currency())
                .serial(numbering.nextRegisterSerial())
                .returnUrl(shop.shopUrl(RETURN_PATH))
                .cancelUrl(shop.shopUrl(CANCEL_PATH))
                .validFor(Duration.ofSeconds(shop.ticketValiditySeconds()))
                .clock(clock)
                .build();
        Order order = new Order(built);
        orders.add(order);
        return new PaymentStart(order, signer.sign(built));
    }
}
