package dev.paygate.shop.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.shop.DemoMerchantKey;
import dev.paygate.shop.ShopWebTest;

/** A gateway URL so long that no ticket fits behind it: the shop must post the ticket instead. */
@ShopWebTest
class LongGatewayUrlCheckoutTest {

    /** With "/pay/" and a ticket of several hundred characters, well past PayLink.URL_LENGTH_MAX (2,000). */
    private static final String LONG_GATEWAY_URL = "http://localhost:8080/" + "long-path-".repeat(170);
    private static final Pattern TICKET_FIELD = Pattern.compile("name=\"ticket\" value=\"([A-Za-z0-9_.-]+)\"");

    @DynamicPropertySource
    static void gatewayBehindALongPath(DynamicPropertyRegistry registry) {
        registry.add("shop.gateway-url", () -> LONG_GATEWAY_URL);
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void aTicketTooLongForALinkIsPostedByASelfSubmittingForm() throws Exception {
        String page = mvc.perform(post("/checkout/buy-now").param("sku", "espresso-cup"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<form method=\"post\" action=\"" + LONG_GATEWAY_URL + "/pay\">", "<noscript>");
        Matcher field = TICKET_FIELD.matcher(page);
        assertThat(field.find()).as("the form carries the ticket").isTrue();
        Ticket ticket = DemoMerchantKey.verifiedTicket(field.group(1));
        assertThat(ticket.amountMinor()).isEqualTo(450);
    }
}
