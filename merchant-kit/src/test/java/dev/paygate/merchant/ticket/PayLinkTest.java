package dev.paygate.merchant.ticket;

import static dev.paygate.merchant.Fixtures.MERCHANT_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.paygate.merchant.Fixtures;

class PayLinkTest {

    private final String ticket = new TicketSigner(MERCHANT_KEY).sign(Fixtures.ticket());

    @Test
    void payUrlPutsTheTicketUnderPay() {
        assertThat(new PayLink(URI.create("https://pay.example/")).payUrl(ticket))
                .hasToString("https://pay.example/pay/" + ticket);
        assertThat(new PayLink(URI.create("https://pay.example/gw")).payUrl(ticket))
                .hasToString("https://pay.example/gw/pay/" + ticket);
    }

    @Test
    void autoSubmitPagePostsTheTicketFieldWithAFallbackButton() {
        String page = new PayLink(URI.create("https://pay.example")).autoSubmitPage(ticket);

        assertThat(page).contains("<form method=\"post\" action=\"https://pay.example/pay\">",
                "<input type=\"hidden\" name=\"ticket\" value=\"" + ticket + "\">",
                "onload=\"document.forms[0].submit()\"",
                "<noscript><button type=\"submit\">");
    }

    @Test
    void autoSubmitPageEscapesTheConfiguredBaseUrl() {
        String page = new PayLink(URI.create("https://pay.example/o'neil&co")).autoSubmitPage(ticket);

        assertThat(page).contains("action=\"https://pay.example/o&#39;neil&amp;co/pay\"").doesNotContain("o'neil&co");
    }

    @Test
    void htmlEscapingCoversTextAndBothQuoteStyles() {
        assertThat(PayLink.escapeHtml("<script>alert(\"x\" + 'y') && 1</script>"))
                .isEqualTo("&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;) &amp;&amp; 1&lt;/script&gt;");
    }

    @Test
    void textThatIsNotACompactJwsIsRefusedRatherThanEmbedded() {
        PayLink link = new PayLink(URI.create("https://pay.example"));

        assertThatThrownBy(() -> link.autoSubmitPage("a.b.c\"><script>alert(1)</script>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link.payUrl("../admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeBasketsDoNotFitInAUrl() {
        Ticket.Builder large = Ticket.basket("shop-42", "order-big").currency("EUR").serial("R1-9")
                .returnUrl(URI.create("https://shop.example/r")).cancelUrl(URI.create("https://shop.example/c"));
        for (int line = 0; line < 40; line++) {
            large.item("sku-" + line, "Article number " + line + " with a descriptive label", 1, 100);
        }
        String largeTicket = new TicketSigner(MERCHANT_KEY).sign(large.build());
        PayLink link = new PayLink(URI.create("https://pay.example"));

        assertThat(link.fitsInUrl(ticket)).isTrue();
        assertThat(link.fitsInUrl(largeTicket)).isFalse();
    }

    @Test
    void gatewayBaseMustBeAPlainWebUrl() {
        assertThatThrownBy(() -> new PayLink(URI.create("https://pay.example/?x=1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PayLink(URI.create("ftp://pay.example")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
