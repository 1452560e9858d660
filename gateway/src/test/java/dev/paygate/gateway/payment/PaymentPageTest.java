package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.ticket.Ticket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@FrontUnitTest
class PaymentPageTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    StubPaymentHandover backUnit;

    private FrontHttp http;
    private FrontFixture fixture;
    private FrontFixture.Merchant merchant;

    @BeforeEach
    void setUp() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        merchant = fixture.newMerchant("Demo Roastery");
    }

    @Test
    void showsMerchantOrderItemsVatAndTotalFormattedForTheCurrency() {
        Ticket ticket = Ticket.basket(merchant.merchantId(), "A-1001")
                .item("beans", "Coffee beans 500 g", 2, 650)
                .item("mug", "Mug", 1, 1200)
                .vatMinor(400)
                .currency("EUR")
                .serial("till-1")
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel"))
                .clock(fixture.clock())
                .build();

        HttpResponse<String> page = http.get("/pay/" + fixture.sign(merchant, ticket));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html lang=\"en\">", "Demo Roastery", "A-1001", "Coffee beans 500 g", "Mug")
                .contains("€6.50", "€13.00", "€12.00", "€4.00", "€25.00", "Confirm and pay €25.00")
                .contains("Cancel and return to the shop");
    }

    @Test
    void formatsAmountsForTheReadersLanguageAndTheCurrencysDecimals() {
        String euros = fixture.signedTicket(merchant, "alice", 2500);
        String yen = fixture.sign(merchant, fixture.ticket(merchant, "alice", 1500).currency("JPY").build());
        String dinars = fixture.sign(merchant, fixture.ticket(merchant, "alice", 12345).currency("BHD").build());

        assertThat(http.get("/pay/" + euros, "Accept-Language", "de-DE,de;q=0.9,en;q=0.5").body()).contains("25,00\u00a0€");
        assertThat(http.get("/pay/" + yen).body()).contains("1,500").doesNotContain("15.00");
        assertThat(http.get("/pay/" + dinars).body()).contains("12.345");
    }

    @Test
    void asksForTheCustomerIdOnlyWhenTheTicketNamesNone() {
        String anonymous = fixture.signedTicket(merchant, null, 1250);
        String named = fixture.signedTicket(merchant, "alice", 1250);

        assertThat(http.get("/pay/" + anonymous).body())
                .contains("<label for=\"customerId\">Customer id</label>", "autocomplete=\"current-password\"");
        assertThat(http.get("/pay/" + named).body())
                .doesNotContain("name=\"customerId\"")
                .contains("Paying as <strong>alice</strong>", "type=\"password\"");
    }

    @Test
    void showsALargeBasketPostedByTheMerchantsForm() {
        Ticket.Builder basket = Ticket.basket(merchant.merchantId(), "bulk-1")
                .currency("EUR").serial("till-2").clock(fixture.clock())
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel"));
        for (int line = 1; line <= 150; line++) {
            basket.item("sku-" + line, "Spare part number " + line, 1, 100);
        }
        String ticket = fixture.sign(merchant, basket.build());
        assertThat(ticket.length()).isGreaterThan(8_192);

        HttpResponse<String> page = http.postForm("/pay", Map.of("ticket", ticket));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Spare part number 150", "€150.00");
    }

    @Test
    void zeroAmountOnlyAsksTheCustomerToConfirmWhoTheyAre() {
        HttpResponse<String> page = http.get("/pay/" + fixture.signedTicket(merchant, "alice", 0));

        assertThat(page.body()).contains("Nothing will be charged", ">Confirm</button>").doesNotContain("Confirm and pay");
    }

    @Test
    void escapesWhatTheMerchantWrote() {
        String ticket = fixture.sign(merchant, Ticket.simple(merchant.merchantId(), "x-1")
                .item("evil", "<script>alert(1)</script>", 1, 100)
                .currency("EUR").serial("s-1").clock(fixture.clock())
                .returnUrl(URI.create("https://shop.example/return"))
                .cancelUrl(URI.create("https://shop.example/cancel"))
                .build());

        assertThat(http.get("/pay/" + ticket).body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void aGetNeverConfirmsAPayment() {
        String customerId = fixture.newCustomer();
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);

        HttpResponse<String> answer = http.get("/pay/confirm?ticket=" + compact + "&password=correct+horse+battery+staple");

        assertThat(answer.statusCode()).isNotEqualTo(303);
        assertThat(backUnit.handOvers(ticket.ticketId())).isZero();
    }

    @Test
    void aFormWithoutItsTicketGetsAPlainErrorPage() {
        http.get("/pay/" + fixture.signedTicket(merchant, "alice", 1250));
        HttpResponse<String> answer = http.submit("/pay/confirm", Map.of("password", "whatever"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Something went wrong", "go back to the shop").doesNotContain("Exception");
    }

    @Test
    void servesPaymentPagesWithProtectiveHeaders() {
        HttpResponse<String> page = http.get("/pay/" + fixture.signedTicket(merchant, "alice", 1250));

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void servesItsOwnStylesheetAndNothingFromElsewhere() {
        String page = http.get("/pay/" + fixture.signedTicket(merchant, "alice", 1250)).body();

        assertThat(page).contains("href=\"/css/paygate.css\"").doesNotContain("https://", "<script");
        assertThat(http.get("/css/paygate.css").statusCode()).isEqualTo(200);
        assertThat(http.get("/css/base.css").statusCode()).isEqualTo(200);
    }
}
