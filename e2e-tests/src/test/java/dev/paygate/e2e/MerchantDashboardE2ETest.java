package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19: the merchant dashboard in real headless Chromium against the gateway and the demo shop as real processes,
 * signed in with the demo merchant's API key the gateway printed at its first start. At desktop width and at 390 px
 * (a phone), and once with JavaScript turned off. Screenshots go to {@code target/e2e-screenshots/merchant-*.png}.
 */
class MerchantDashboardE2ETest {

    private static final Pattern PRINTED_API_KEY = Pattern.compile(
            "Generated an API key for demo merchant demo-shop: key id '([^']+)', secret '([^']+)'");
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final int PHONE_WIDTH_PX = 390;
    private static final int PHONE_HEIGHT_PX = 844;

    private static GatewayAndShop applications;
    private static String apiKeyId;
    private static String apiKeySecret;

    private Path userDataDirectory;
    private ChromeDriver browser;
    private Screenshots screenshots;

    @BeforeAll
    static void startGatewayAndShop() throws IOException {
        HeadlessChromium.requireInstalled();
        applications = GatewayAndShop.start("merchant-dashboard");
        Matcher printed = PRINTED_API_KEY.matcher(applications.gatewayLog());
        assertThat(printed.find()).as("the demo merchant's API key, printed at the first start").isTrue();
        apiKeyId = printed.group(1);
        apiKeySecret = printed.group(2);
    }

    @AfterAll
    static void stopGatewayAndShop() {
        if (applications != null) {
            applications.close();
        }
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        BuiltJars.deleteRecursively(userDataDirectory);
    }

    @Test
    void aMerchantFollowsAPaymentRefundsItSetsWebhooksAndIssuesAKeyAtDesktopWidth() throws Exception {
        openBrowser("desktop", true);
        Ticket ticket = payAsAlice(1_650);

        signIn();
        screenshots.take("2-overview");
        assertThat(text(By.id("till-balance"))).contains("€");

        searchAndOpen(ticket);
        screenshots.take("4-payment");
        assertThat(text(By.id("decision"))).contains("approved", "wallet");
        assertThat(text(By.id("voucher-id"))).isNotBlank();
        assertThat(text(By.id("ticket"))).contains(ticket.orderId(), ticket.serial());

        refund("2.50");
        screenshots.take("5-refunded");
        assertThat(text(By.cssSelector(".notice--done"))).contains("Refunded", "2.50");
        assertThat(text(By.id("refunds-table"))).contains("2.50", "wallet");

        browser.findElement(By.linkText("Till & sweeps")).click();
        await(By.id("till-balance"));
        screenshots.take("6-till");

        setWebhookEndpointAndSendATestEvent();
        screenshots.take("7-webhooks");

        browser.findElement(By.linkText("Keys")).click();
        await(By.id("issue-api-key")).click();
        WebElement issued = await(By.id("issued-key"));
        screenshots.take("8-keys-issued");
        assertThat(issued.findElement(By.id("issued-key-secret")).getText()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(browser.findElements(By.cssSelector("#api-keys tbody tr"))).hasSizeGreaterThanOrEqualTo(2);

        browser.findElement(By.id("sign-out")).click();
        await(By.id("merchant-login"));
    }

    @Test
    void everyDashboardPageIsUsableAt390PixelsWithoutScrollingSideways() throws Exception {
        openBrowser("390", true);
        browser.manage().window().setSize(new Dimension(PHONE_WIDTH_PX, PHONE_HEIGHT_PX));
        Ticket ticket = payAsAlice(990);

        signIn();
        assertFitsTheWidth("2-overview");
        searchAndOpen(ticket);
        assertFitsTheWidth("4-payment");
        refund("1,00");
        assertFitsTheWidth("5-refunded");
        assertThat(text(By.cssSelector(".notice--done"))).contains("Refunded");
        for (String section : new String[] {"Till & sweeps", "Webhooks", "Keys"}) {
            browser.findElement(By.linkText(section)).click();
            await(By.cssSelector("main h1"));
            assertFitsTheWidth("6-" + section.toLowerCase().replaceAll("[^a-z]+", "-"));
        }
        browser.get(applications.gatewayUrl() + "/merchant/payments");
        await(By.id("payments-table"));
        assertFitsTheWidth("7-payments");
        // A phone shows one card per payment, each value labelled, instead of a table wider than the screen.
        WebElement firstCell = browser.findElement(By.cssSelector("#payments-table tbody td"));
        assertThat(firstCell.getCssValue("display")).isEqualTo("flex");
    }

    @Test
    void withJavaScriptTurnedOffAMerchantStillSignsInSearchesAndRefunds() throws Exception {
        Ticket ticket = payWithoutABrowser(777);
        openBrowser("no-js", false);

        signIn();
        searchAndOpen(ticket);
        assertThat(browser.getPageSource()).doesNotContain("<script");
        refund("0.77");
        screenshots.take("5-refunded");
        assertThat(text(By.cssSelector(".notice--done"))).contains("Refunded");
    }

    private void openBrowser(String scenario, boolean javaScript) throws IOException {
        userDataDirectory = Files.createTempDirectory("paygate-e2e-chromium-");
        browser = HeadlessChromium.start(userDataDirectory,
                GatewayAndShop.LOG_DIRECTORY.resolve("chromedriver-merchant-" + scenario + ".log"), javaScript);
        screenshots = new Screenshots(browser, GatewayAndShop.SCREENSHOT_DIRECTORY, "merchant-" + scenario);
    }

    /** Alice pays a ticket of the demo shop on the payment page, as the shop sends her there. */
    private Ticket payAsAlice(long amountMinor) throws IOException, ParseException {
        Ticket ticket = demoShopTicket(amountMinor);
        browser.get(new PayLink(applications.gatewayUrl()).payUrl(sign(ticket)).toString());
        await(By.id("password")).sendKeys("alice-demo-pass");
        screenshots.take("1-paying");
        browser.findElement(By.cssSelector("form.pay-form button[type=submit]")).click();
        new WebDriverWait(browser, PAGE_TIMEOUT).until(ExpectedConditions.urlContains(applications.shopUrl().toString()));
        return ticket;
    }

    /** The same payment through a browser of its own, for the test whose browser runs no JavaScript. */
    private Ticket payWithoutABrowser(long amountMinor) throws IOException {
        Path directory = Files.createTempDirectory("paygate-e2e-chromium-payer-");
        ChromeDriver payer = HeadlessChromium.start(directory,
                GatewayAndShop.LOG_DIRECTORY.resolve("chromedriver-merchant-payer.log"));
        try {
            Ticket ticket = demoShopTicket(amountMinor);
            payer.get(new PayLink(applications.gatewayUrl()).payUrl(sign(ticket)).toString());
            new WebDriverWait(payer, PAGE_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")))
                    .sendKeys("alice-demo-pass");
            payer.findElement(By.cssSelector("form.pay-form button[type=submit]")).click();
            new WebDriverWait(payer, PAGE_TIMEOUT).until(ExpectedConditions.urlContains(applications.shopUrl().toString()));
            return ticket;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        } finally {
            payer.quit();
            BuiltJars.deleteRecursively(directory);
        }
    }

    private void signIn() {
        browser.get(applications.gatewayUrl() + "/merchant");
        await(By.id("keyId")).sendKeys(apiKeyId);
        browser.findElement(By.id("secret")).sendKeys(apiKeySecret);
        screenshots.take("1-sign-in");
        browser.findElement(By.cssSelector("#merchant-login button[type=submit]")).click();
        assertThat(await(By.id("signed-in-merchant")).getText()).contains("demo-shop");
    }

    private void searchAndOpen(Ticket ticket) {
        browser.findElement(By.linkText("Payments")).click();
        await(By.id("q")).sendKeys(ticket.orderId());
        browser.findElement(By.cssSelector("#payment-search button[type=submit]")).click();
        assertThat(await(By.id("result-count")).getText()).isEqualTo("1-1 of 1");
        screenshots.take("3-payments");
        browser.findElement(By.linkText(ticket.ticketId())).click();
        assertThat(await(By.id("story-ticket-id")).getText()).isEqualTo(ticket.ticketId());
    }

    private void refund(String amount) {
        browser.findElement(By.id("refund-amount")).sendKeys(amount);
        browser.findElement(By.cssSelector("#refund-form button[type=submit]")).click();
        await(By.cssSelector(".notice"));
    }

    /** The shop's own events URL answers 404: every attempt shows, with the merchant's answer. */
    private void setWebhookEndpointAndSendATestEvent() {
        browser.findElement(By.linkText("Webhooks")).click();
        WebElement notifyUrl = await(By.id("notifyUrl"));
        notifyUrl.clear();
        notifyUrl.sendKeys(applications.shopUrl() + "/paygate/events");
        browser.findElement(By.id("webhook-secret")).sendKeys("whsec_e2e_dashboard_secret_0001");
        browser.findElement(By.cssSelector("#endpoint-form button[type=submit]")).click();
        assertThat(text(By.cssSelector(".notice--done"))).contains("Webhooks now go to");
        browser.findElement(By.id("send-test-event")).click();
        await(By.cssSelector(".notice--done"));
        new WebDriverWait(browser, DELIVERY_TIMEOUT).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.cssSelector("#events-table tr[data-status] td")).stream()
                    .anyMatch(cell -> cell.getText().contains("webhook.test"))
                    && driver.getPageSource().contains("HTTP 404");
        });
    }

    private void assertFitsTheWidth(String step) {
        screenshots.take(step);
        long contentWidth = ((Number) browser.executeScript("return document.documentElement.scrollWidth")).longValue();
        long viewportWidth = ((Number) browser.executeScript("return window.innerWidth")).longValue();
        assertThat(viewportWidth).as("the window is a phone's").isLessThanOrEqualTo(PHONE_WIDTH_PX);
        assertThat(contentWidth).as("%s scrolls sideways", step).isLessThanOrEqualTo(viewportWidth);
    }

    private String text(By locator) {
        return await(locator).getText();
    }

    /** Waits for an element; on time-out says where the browser is instead of only "not found". */
    private WebElement await(By locator) {
        try {
            return new WebDriverWait(browser, PAGE_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            screenshots.take("failure");
            throw new AssertionError("no " + locator + " within " + PAGE_TIMEOUT.toSeconds() + " s; the browser shows \""
                    + browser.getTitle() + "\" at " + browser.getCurrentUrl(), e);
        }
    }

    private static Ticket demoShopTicket(long amountMinor) {
        return Ticket.simple("demo-shop", "e2e-" + UUID.randomUUID().toString().substring(0, 13))
                .customerId("alice")
                .item("house-blend", "House blend", 1, amountMinor)
                .vatMinor(amountMinor / 6)
                .currency("EUR")
                .serial("E2E-" + UUID.randomUUID().toString().substring(0, 8))
                .returnUrl(URI.create(applications.shopUrl() + "/paygate/return"))
                .cancelUrl(URI.create(applications.shopUrl() + "/paygate/cancel"))
                .build();
    }

    private static String sign(Ticket ticket) throws IOException, ParseException {
        return new TicketSigner(OctetKeyPair.parse(Files.readString(
                GatewayAndShop.REPOSITORY_ROOT.resolve("config/demo-shop/merchant-key.jwk.json")))).sign(ticket);
    }
}
