package dev.paygate.shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketItem;
import dev.paygate.merchant.ticket.TicketType;
import dev.paygate.shop.DemoMerchantKey;
import dev.paygate.shop.ShopWebTest;

@ShopWebTest
class CheckoutControllerTest {

    private static final String GATEWAY_PAY_URL = "http://localhost:8080/pay/";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private OrderBook orders;
    private final MockHttpSession session = new MockHttpSession();

    @Test
    void checkoutSendsTheCustomerToThePaymentPageWithABasketTicketSignedByTheShop() throws Exception {
        add("espresso-cup", 1);
        add("hand-grinder", 2);

        Ticket ticket = checkOut();

        assertThat(ticket.merchantId()).isEqualTo(DemoMerchantKey.MERCHANT_ID);
        assertThat(ticket.type()).isEqualTo(TicketType.BASKET);
        assertThat(ticket.items()).containsExactly(
                new TicketItem("espresso-cup", "Espresso cup", 1, 450),
                new TicketItem("hand-grinder", "Hand grinder", 2, 4990));
        long itemsSumMinor = ticket.items().stream().mapToLong(item -> item.quantity() * item.unitAmountMinor()).sum();
        assertThat(ticket.amountMinor()).isEqualTo(itemsSumMinor).isEqualTo(10430);
        assertThat(ticket.vatMinor()).isEqualTo(1738);
        assertThat(ticket.currency()).isEqualTo("EUR");
        assertThat(ticket.customerId()).as("the payment page asks who pays").isNull();
        assertThat(ticket.returnUrl()).isEqualTo(URI.create("http://localhost:8081/paygate/return"));
        assertThat(ticket.cancelUrl()).isEqualTo(URI.create("http://localhost:8081/paygate/cancel"));
        assertThat(Duration.between(ticket.issuedAt(), ticket.expiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(ticket.serial()).startsWith("TILL1-");
    }

    @Test
    void theOrderKeepsTheTicketItWasSentWith() throws Exception {
        add("house-blend", 3);

        Ticket ticket = checkOut();

        assertThat(orders.find(ticket.orderId())).hasValueSatisfying(order -> {
            assertThat(order.ticket()).isEqualTo(ticket);
            assertThat(order.delivery()).isEmpty();
        });
    }

    @Test
    void everyCheckoutIsANewOrderWithItsOwnTicketAndSerial() throws Exception {
        add("espresso-cup", 1);

        Ticket first = checkOut();
        Ticket second = checkOut();

        assertThat(second.orderId()).isNotEqualTo(first.orderId()).startsWith("DC-");
        assertThat(second.ticketId()).isNotEqualTo(first.ticketId());
        assertThat(second.serial()).isNotEqualTo(first.serial());
    }

    @Test
    void buyNowSendsASimpleTicketForOneArticleAndLeavesTheBasketAlone() throws Exception {
        add("espresso-cup", 1);

        String location = mvc.perform(post("/checkout/buy-now").param("sku", "espresso-machine").session(session))
                .andExpect(status().isSeeOther())
                .andReturn().getResponse().getRedirectedUrl();
        Ticket ticket = DemoMerchantKey.verifiedTicket(DemoMerchantKey.ticketOfPayUrl(location));

        assertThat(ticket.type()).isEqualTo(TicketType.SIMPLE);
        assertThat(ticket.items())
                .containsExactly(new TicketItem("espresso-machine", "Compact espresso machine", 1, 12000));
        assertThat(ticket.amountMinor()).isEqualTo(12000);
        assertThat(ticket.vatMinor()).isEqualTo(2000);
        assertThat(checkOut().items()).extracting(TicketItem::ref).containsExactly("espresso-cup");
    }

    @Test
    void anEmptyBasketCannotBeCheckedOut() throws Exception {
        mvc.perform(post("/checkout").session(session))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/basket"));
    }

    @Test
    void anUnknownArticleCannotBeBoughtNow() throws Exception {
        mvc.perform(post("/checkout/buy-now").param("sku", "tea-pot").session(session))
                .andExpect(status().isNotFound());
    }

    private void add(String sku, int quantity) throws Exception {
        mvc.perform(post("/basket/items").param("sku", sku).param("quantity", String.valueOf(quantity))
                        .session(session))
                .andExpect(redirectedUrl("/basket"));
    }

    private Ticket checkOut() throws Exception {
        String location = mvc.perform(post("/checkout").session(session))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(GATEWAY_PAY_URL);
        return DemoMerchantKey.verifiedTicket(DemoMerchantKey.ticketOfPayUrl(location));
    }
}
