package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.ticket.Ticket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19: the merchant dashboard in real headless Chromium against the gateway and the demo shop as real processes,
 * signed in with the demo merchant's API key the gateway printed at its first start: a payment alice just made is
 * searched, opened (ticket, decision, voucher) and partly refunded, a webhook endpoint is set and a test event's
 * failed attempts show, an API key is issued, and the merchant signs out; at desktop width and at 390 px, where no
 * page may scroll sideways, and once with JavaScript turned off. Screenshots:
 * {@code target/e2e-screenshots/merchant-<viewport>-<step>.png}.
 */
@ExtendWith(RunningPaygate.Resolver.class)
class MerchantDashboardE2ETest {

    private static final Pattern PRINTED_API_KEY = Pattern.compile(
            "Generated an API key for demo merchant demo-shop: key id '([^']+)', secret '([^']+)'");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private static RunningPaygate paygate;
    private static String apiKeyId;
    private static String apiKeySecret;

    @BeforeAll
    static void theDemoMerchantsPrintedApiKey(RunningPaygate running) {
        paygate = running;
        Matcher printed = PRINTED_API_KEY.matcher(running.gatewayLog());
        assertThat(printed.find()).as("the demo merchant's API key, printed at the first start").isTrue();
        apiKeyId = printed.group(1);
        apiKeySecret = printed.group(2);
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aMerchantFollowsAPaymentRefundsItSetsWebhooksAndIssuesAKey(Viewport viewport) throws Exception {
        try (ChromiumPage page = ChromiumPage.open("merchant", viewport)) {
            Ticket ticket = payAsAlice(page, 1_650);

            signIn(page);
            page.assertFitsTheScreen("2-overview");
            assertThat(page.find("#till-balance").getText()).contains("€");

            searchAndOpen(page, ticket);
            page.assertFitsTheScreen("4-payment");
            assertThat(page.find("#decision").getText()).contains("approved", "wallet");
            assertThat(page.find("#voucher-id").getText()).isNotBlank();
            assertThat(page.find("#ticket").getText()).contains(ticket.orderId(), ticket.serial());

            refund(page, "2,50");
            page.shot("5-refunded");
            page.assertFitsTheScreen("5-refunded");
            assertThat(page.find(".notice--done").getText()).contains("Refunded", "2.50");
            assertThat(page.find("#refunds-table").getText()).contains("2.50", "wallet");

            page.find(".dash-nav a[href='/merchant/till']").click();
            page.await("#till-balance", "6-till");
            page.shot("6-till");
            page.assertFitsTheScreen("6-till");

            setWebhookEndpointAndSendATestEvent(page);
            page.shot("7-webhooks");
            page.assertFitsTheScreen("7-webhooks");

            page.find(".dash-nav a[href='/merchant/keys']").click();
            page.await("#issue-api-key", "8-keys").click();
            WebElement issued = page.await("#issued-key", "8-keys");
            page.shot("8-keys-issued");
            page.assertFitsTheScreen("8-keys-issued");
            assertThat(issued.findElement(By.id("issued-key-secret")).getText())
                    .hasSizeGreaterThanOrEqualTo(32);

            page.find("#sign-out").click();
            page.await("#merchant-login", "9-signed-out");
        }
    }

    @Test
    void thePaymentListTurnsIntoOneCardPerPaymentOnAPhone() throws Exception {
        try (ChromiumPage page = ChromiumPage.open("merchant-list", Viewport.PHONE)) {
            payAsAlice(page, 420);
            signIn(page);
            page.get(paygate.gateway("/merchant/payments"));
            page.await("#payments-table", "payments");
            page.shot("payments");
            page.assertFitsTheScreen("payments");
            // Each value labelled beside it, instead of a table wider than the screen.
            assertThat(page.find("#payments-table tbody td").getCssValue("display")).isEqualTo("flex");
            page.assertWithinTheScreen(page.find("#payments-table tbody td:last-child"), "the last column");
        }
    }

    @Test
    void withJavaScriptTurnedOffAMerchantStillSignsInSearchesAndRefunds() throws Exception {
        try (ChromiumPage page = ChromiumPage.open("merchant-no-js", Viewport.DESKTOP)) {
            Ticket ticket = payAsAlice(page, 777);
            // From here on the pages run no script at all, as in a browser with JavaScript turned off.
            page.browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));

            signIn(page);
            searchAndOpen(page, ticket);
            assertThat(page.browser.getPageSource()).doesNotContain("<script");
            refund(page, "0.77");
            page.shot("5-refunded");
            assertThat(page.find(".notice--done").getText()).contains("Refunded");
        }
    }

    /** Alice pays a ticket of the demo shop on the payment page, as the shop sends her there. */
    private static Ticket payAsAlice(ChromiumPage page, long amountMinor) {
        // Ids set here, so that the ticket built again below is the one that was signed.
        Ticket.Builder ticket = Ticket.simple("demo-shop", "e2e-" + UUID.randomUUID().toString().substring(0, 13))
                .ticketId("tkt-e2e-" + UUID.randomUUID())
                .customerId("alice")
                .item("house-blend", "House blend", 1, amountMinor)
                .vatMinor(amountMinor / 6)
                .currency("EUR")
                .serial("E2E-" + UUID.randomUUID().toString().substring(0, 8));
        page.get(paygate.payPageFor(ticket));
        page.await("#password", "1-paying").sendKeys("alice-demo-pass");
        page.shot("1-paying");
        page.find("form.pay-form button[type=submit]").click();
        new WebDriverWait(page.browser, ChromiumPage.PAGE_TIMEOUT)
                .until(driver -> driver.getCurrentUrl().startsWith(paygate.shopUrl().toString()));
        return ticket.build();
    }

    private static void signIn(ChromiumPage page) {
        page.get(paygate.gateway("/merchant"));
        page.await("#keyId", "1-sign-in").sendKeys(apiKeyId);
        page.find("#secret").sendKeys(apiKeySecret);
        page.shot("1-sign-in");
        page.find("#merchant-login button[type=submit]").click();
        assertThat(page.await("#signed-in-merchant", "2-overview").getText()).contains("demo-shop");
        page.shot("2-overview");
    }

    private static void searchAndOpen(ChromiumPage page, Ticket ticket) {
        page.find(".dash-nav a[href='/merchant/payments']").click();
        page.await("#q", "3-payments").sendKeys(ticket.orderId());
        page.find("#payment-search button[type=submit]").click();
        assertThat(page.await("#result-count", "3-payments").getText()).isEqualTo("1-1 of 1");
        page.shot("3-payments");
        page.assertFitsTheScreen("3-payments");
        page.find("#payments-table tr[data-ticket-id='" + ticket.ticketId() + "'] a").click();
        assertThat(page.await("#story-ticket-id", "4-payment").getText()).isEqualTo(ticket.ticketId());
        page.shot("4-payment");
    }

    private static void refund(ChromiumPage page, String amount) {
        page.find("#refund-amount").sendKeys(amount);
        page.find("#refund-form button[type=submit]").click();
        page.await(".notice", "5-refunded");
    }

    /** The shop has no events URL and answers 404: every attempt shows on the page with that answer. */
    private static void setWebhookEndpointAndSendATestEvent(ChromiumPage page) {
        page.find(".dash-nav a[href='/merchant/webhooks']").click();
        WebElement notifyUrl = page.await("#notifyUrl", "7-webhooks");
        notifyUrl.clear();
        notifyUrl.sendKeys(paygate.shop("/paygate/events"));
        page.find("#webhook-secret").sendKeys("whsec_e2e_dashboard_secret_0001");
        page.find("#endpoint-form button[type=submit]").click();
        assertThat(page.await(".notice--done", "7-webhooks").getText()).contains("Webhooks now go to");
        page.find("#send-test-event").click();
        page.await(".notice--done", "7-webhooks");
        new WebDriverWait(page.browser, DELIVERY_TIMEOUT).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
            driver.navigate().refresh();
            String events = driver.getPageSource();
            return events.contains("webhook.test") && events.contains("HTTP 404");
        });
    }
}
