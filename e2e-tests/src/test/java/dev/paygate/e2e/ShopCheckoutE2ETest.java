package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 6: a customer buys in the demo shop, confirms on the payment page with a password and lands back on the
 * shop's delivery page, in real headless Chromium against the gateway and the shop as real processes.
 * Screenshots of every step go to {@code target/e2e-screenshots}, the applications' logs to {@code target/e2e-logs};
 * the gateway and the shop are the run's shared {@link RunningPaygate}.
 */
@ExtendWith(RunningPaygate.Resolver.class)
class ShopCheckoutE2ETest {

    // The gateway answers within its hand-over wait ("pending" at worst, which refreshes itself); the rest is page loads.
    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    // Prices from the shop's catalogue; the gateway pays up to EUR 30.00 from the wallet, above from the card.
    private static final long WALLET_THRESHOLD_MINOR = 3000;
    private static final String SKU_UNDER_WALLET_THRESHOLD = "house-blend";     // EUR 12.00
    private static final String SKU_OVER_WALLET_THRESHOLD = "hand-grinder";     // EUR 49.90
    private static final String SKU_OVER_BOBS_CARD_BALANCE = "espresso-machine"; // EUR 120.00, his card has EUR 5.00

    private static URI gatewayUrl;
    private static URI shopUrl;

    private Path userDataDirectory;
    private ChromeDriver browser;
    private Screenshots screenshots;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> context.getExecutionException()
            .filter(failure -> screenshots != null)
            .ifPresent(failure -> screenshots.take("failure"));

    @BeforeAll
    static void gatewayAndShop(RunningPaygate paygate) {
        gatewayUrl = paygate.gatewayUrl();
        shopUrl = paygate.shopUrl();
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws IOException {
        userDataDirectory = Files.createTempDirectory("paygate-e2e-chromium-");
        String testName = test.getTestMethod().orElseThrow().getName();
        browser = HeadlessChromium.start(userDataDirectory,
                RunningPaygate.LOG_DIRECTORY.resolve("chromedriver-" + testName + ".log"));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        BuiltJars.deleteRecursively(userDataDirectory);
    }

    @Test
    void walletPaymentEndsOnTheShopsDeliveryPage() {
        screenshots = new Screenshots(browser, RunningPaygate.SCREENSHOT_DIRECTORY, "wallet");
        Purchase purchase = buyAndConfirm(SKU_UNDER_WALLET_THRESHOLD, "alice", "alice-demo-pass");
        assertThat(purchase.basketTotalMinor()).isLessThanOrEqualTo(WALLET_THRESHOLD_MINOR);

        awaitDelivery(purchase, "wallet");
    }

    @Test
    void cardPaymentEndsOnTheShopsDeliveryPageWithTheApprovalCode() {
        screenshots = new Screenshots(browser, RunningPaygate.SCREENSHOT_DIRECTORY, "card");
        Purchase purchase = buyAndConfirm(SKU_OVER_WALLET_THRESHOLD, "alice", "alice-demo-pass");
        assertThat(purchase.basketTotalMinor()).isGreaterThan(WALLET_THRESHOLD_MINOR);

        WebElement delivery = awaitDelivery(purchase, "card");
        assertThat(delivery.findElement(By.id("approval-code")).getText()).as("approval code").isNotBlank();
    }

    @Test
    void declinedCardShowsTheRefusalThenTheShopsCancelPage() {
        screenshots = new Screenshots(browser, RunningPaygate.SCREENSHOT_DIRECTORY, "declined");
        Purchase purchase = buyAndConfirm(SKU_OVER_BOBS_CARD_BALANCE, "bob", "bob-demo-pass");
        assertThat(purchase.basketTotalMinor()).isGreaterThan(WALLET_THRESHOLD_MINOR);

        WebElement refusal = awaitVisible(By.cssSelector("main.panel--refused"), OUTCOME_TIMEOUT, "5-refused");
        screenshots.take("5-refused");
        assertThat(browser.getCurrentUrl()).startsWith(gatewayUrl.toString());
        assertThat(refusal.findElement(By.cssSelector(".reason code")).getText()).isEqualTo("insufficient_funds");

        refusal.findElement(By.cssSelector(".actions a")).click();
        WebElement cancelled = awaitVisible(By.id("cancelled"), PAGE_TIMEOUT, "6-cancelled");
        screenshots.take("6-cancelled");
        assertThat(browser.getCurrentUrl()).startsWith(shopUrl.toString());
        assertThat(cancelled.getDomAttribute("data-reason")).isEqualTo("insufficient_funds");
        assertThat(cancelled.findElement(By.id("order-id")).getText()).isEqualTo(purchase.orderId());
    }

    /** What the customer saw before confirming: the payment page's order id and the basket total. */
    private record Purchase(String orderId, long basketTotalMinor) {
    }

    /** Shop home, one article into the basket, checkout, then the payment page: who pays and the password, Confirm. */
    private Purchase buyAndConfirm(String sku, String customerId, String password) {
        browser.get(shopUrl.toString());
        awaitVisible(By.id("add-" + sku), PAGE_TIMEOUT, "1-shop");
        screenshots.take("1-shop");

        browser.findElement(By.id("add-" + sku)).click();
        awaitVisible(By.id("checkout"), PAGE_TIMEOUT, "2-basket");
        screenshots.take("2-basket");
        long basketTotalMinor = Long.parseLong(
                browser.findElement(By.id("basket-total")).getDomAttribute("data-amount-minor"));

        browser.findElement(By.id("checkout")).click();
        awaitVisible(By.id("password"), PAGE_TIMEOUT, "3-payment-page");
        screenshots.take("3-payment-page");
        String orderId = browser.findElement(By.cssSelector(".order-ref strong")).getText();
        assertThat(orderId).as("order id on the payment page").isNotBlank();

        browser.findElement(By.id("customerId")).sendKeys(customerId);
        browser.findElement(By.id("password")).sendKeys(password);
        screenshots.take("4-confirm");
        browser.findElement(By.cssSelector("form.pay-form button[type=submit]")).click();
        return new Purchase(orderId, basketTotalMinor);
    }

    /** The shop's delivery page for this purchase, paid by the given settlement path. */
    private WebElement awaitDelivery(Purchase purchase, String expectedPath) {
        WebElement delivery = awaitVisible(By.id("delivery"), OUTCOME_TIMEOUT, "5-delivery");
        screenshots.take("5-delivery");
        assertThat(browser.getCurrentUrl()).startsWith(shopUrl.toString());
        assertThat(delivery.getDomAttribute("data-path")).isEqualTo(expectedPath);
        assertThat(delivery.getDomAttribute("data-order-id")).isEqualTo(purchase.orderId());
        assertThat(delivery.findElement(By.id("delivery-total")).getDomAttribute("data-amount-minor"))
                .isEqualTo(Long.toString(purchase.basketTotalMinor()));
        assertThat(delivery.getDomAttribute("data-register")).matches("[0-9]+");
        assertThat(delivery.findElement(By.id("receipt-serial")).getText()).startsWith("TILL1-");
        return delivery;
    }

    /** Waits for an element; on time-out says where the browser is instead of only "not found". */
    private WebElement awaitVisible(By locator, Duration timeout, String step) {
        try {
            return new WebDriverWait(browser, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (TimeoutException e) {
            throw new AssertionError("step " + step + ": no " + locator + " within " + timeout.toSeconds()
                    + " s; the browser shows \"" + browser.getTitle() + "\" at " + browser.getCurrentUrl(), e);
        }
    }
}
