package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.ticket.Ticket;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19, customers: the defects a new user met, each checked in headless Chromium at desktop width and at
 * 390 px, on the gateway and the demo shop as real processes. Screenshots: {@code target/e2e-screenshots/customer-*}.
 */
@ExtendWith(RunningPaygate.Resolver.class)
class CustomerPagesE2ETest {

    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(40);
    /** The card network's 10 s timeout, the reversal and a few refreshes of the pending page. */
    private static final Duration PENDING_ENDS_TIMEOUT = Duration.ofSeconds(90);
    private static final String NEVER_ANSWERING_CARD = "4000000000000085";

    private static RunningPaygate paygate;

    @BeforeAll
    static void paygate(RunningPaygate running) {
        paygate = running;
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void reloadingTheDeliveryPageOrGoingBackToThePaymentPageShowsThePaidStateWithTheVoucherCopy(Viewport viewport)
            throws IOException {
        try (ChromiumPage page = ChromiumPage.open("customer-paid", viewport)) {
            page.buyInTheShop(paygate, "house-blend", "alice", "alice-demo-pass");
            WebElement delivery = page.await("#delivery", OUTCOME_TIMEOUT, "delivery");
            page.find("#raw-voucher summary").click();
            page.assertFitsTheScreen("delivery");
            page.shot("1-delivery");
            assertThat(page.has("#receipt-serial")).as("the shop's receipt number").isTrue();
            assertThat(page.has("#register-serial")).as("a second serial").isFalse();
            String orderId = delivery.getDomAttribute("data-order-id");

            page.browser.navigate().refresh();
            page.await("#delivered-earlier", "reloaded delivery");
            page.assertFitsTheScreen("reloaded delivery");
            page.shot("2-delivery-reloaded");

            page.browser.navigate().back();
            WebElement paid = page.await("#paid-facts", "back to the payment page");
            page.find("details summary").click();
            page.assertFitsTheScreen("paid page");
            page.shot("3-back-to-the-payment-page");
            assertThat(page.browser.getCurrentUrl()).startsWith(paygate.gateway("/pay/"));
            assertThat(page.find("h1").getText()).isEqualTo("This payment is complete");
            assertThat(paid.getText()).contains(orderId, "your Paygate wallet");
            assertThat(page.find("#voucher-copy").getDomProperty("value")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

            page.find("#continue-with-voucher").click();
            page.await("#delivered-earlier", "continued to the shop");
            assertThat(page.find("#delivery").getDomAttribute("data-order-id")).isEqualTo(orderId);
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theBasketFitsTheScreenAndThePaymentPageSaysWhichWayAKnownCustomerPays(Viewport viewport) throws IOException {
        try (ChromiumPage page = ChromiumPage.open("customer-basket", viewport)) {
            page.get(paygate.shop("/"));
            page.await("#add-house-blend", "shop").click();
            // The click's form post must land before the next page is asked for, or its redirect wins the race.
            page.await("#checkout", "basket after the first article");
            page.get(paygate.shop("/"));
            page.await("#add-hand-grinder", "shop").click();
            page.await("#checkout", "basket");
            page.assertFitsTheScreen("basket");
            page.shot("1-basket");
            for (String sku : new String[] {"house-blend", "hand-grinder"}) {
                page.assertWithinTheScreen(page.find("#remove-" + sku), "the Remove button of " + sku);
            }

            page.get(paygate.payPageFor(knownCustomerTicket("alice", 1_200)));
            WebElement fromWallet = page.await("#pay-method", "payment page, wallet");
            page.assertFitsTheScreen("payment page, wallet");
            page.shot("2-pays-from-the-wallet");
            assertThat(fromWallet.getText()).isEqualTo("€12.00 will be paid from your Paygate wallet.");

            page.get(paygate.payPageFor(knownCustomerTicket("alice", 4_990)));
            WebElement byCard = page.await("#pay-method", "payment page, card");
            page.assertFitsTheScreen("payment page, card");
            page.shot("3-pays-by-card");
            assertThat(byCard.getText()).isEqualTo("€49.90 will be paid with your card ending 0002.");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theAccountNamesTheCardAndListsTopUpsAndPaymentsByTheMerchantsName(Viewport viewport) throws IOException {
        try (ChromiumPage page = ChromiumPage.open("customer-account", viewport)) {
            // Paid at the demo shop's merchant id; the shop itself never issued this order, so it refuses to deliver.
            page.get(paygate.payPageFor(knownCustomerTicket("alice", 850)));
            page.await("#password", "payment page").sendKeys("alice-demo-pass");
            page.find("form.pay-form button[type=submit]").click();
            new WebDriverWait(page.browser, OUTCOME_TIMEOUT)
                    .until(browser -> browser.getCurrentUrl().startsWith(paygate.shop("/")));

            page.get(paygate.gateway("/account"));
            page.await("#customerId", "sign-in").sendKeys("alice");
            page.find("#password").sendKeys("alice-demo-pass");
            page.find("main form button[type=submit]").click();
            page.await("#amount", "account");
            assertThat(page.find("label[for=amount]").getText()).isEqualTo("Top up from your card ending 0002 (EUR)");
            page.find("#amount").sendKeys("10,50");
            page.find("#amount").submit();
            WebElement done = page.await("main p[role=status]", "topped up");
            page.assertFitsTheScreen("account");
            page.shot("1-account");
            assertThat(done.getText()).isEqualTo("€10.50 added to your wallet from your card ending 0002.");
            WebElement latestTopUp = page.find("#history tr[data-kind=top-up]");
            assertThat(latestTopUp.getText()).contains("Wallet top-up", "+€10.50", "card ending 0002");
            assertThat(page.find("#history").getText()).contains("Paygate Demo Coffee").doesNotContain("demo-shop");
            assertThat(page.browser.findElements(By.cssSelector("header"))).as("one header, the payment pages'")
                    .hasSize(1);

            page.find("section[aria-labelledby=vouchers-heading] a").click();
            page.await("#compact", "voucher copy");
            page.assertFitsTheScreen("voucher copy");
            page.shot("2-voucher-copy");
            assertThat(page.find("main .lead").getText()).contains("Paygate Demo Coffee");
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aPendingPaymentShowsItsProgressAndRefreshesItselfUntilTheAnswer(Viewport viewport) throws IOException {
        String customerId = "pending-" + viewport.label() + "-" + UUID.randomUUID().toString().substring(0, 8);
        paygate.operatorApi("POST", "/api/v1/operator/customers", """
                {"customerId":"%s","displayName":"Pending Customer","password":"pending-customer-pass",
                 "walletCurrency":"EUR","walletCapMinor":50000,"cardPan":"%s","cardExpiry":"2049-12"}"""
                .formatted(customerId, NEVER_ANSWERING_CARD), 201);
        try (ChromiumPage page = ChromiumPage.open("customer-pending", viewport)) {
            page.get(paygate.payPageFor(knownCustomerTicket(customerId, 4_500)));
            page.await("#password", "payment page").sendKeys("pending-customer-pass");
            page.find("form.pay-form button[type=submit]").click();

            page.await("#pending-progress", OUTCOME_TIMEOUT, "pending");
            page.assertFitsTheScreen("pending");
            page.shot("1-pending");
            // Nobody clicks: the page asks again by itself and counts its checks in the address.
            new WebDriverWait(page.browser, OUTCOME_TIMEOUT).until(browser -> browser.getCurrentUrl().contains("checks="));
            if (page.has("#pending-waited")) {
                assertThat(page.find("#pending-waited").getText()).startsWith("Still waiting: checked");
                page.shot("2-pending-refreshed");
            }

            WebElement answer = page.await("main.panel--refused", PENDING_ENDS_TIMEOUT, "final answer");
            page.assertFitsTheScreen("final answer");
            page.shot("3-final-answer");
            assertThat(answer.findElement(By.cssSelector(".reason code")).getText()).isNotBlank();
        }
    }

    /** A ticket of the demo shop that names its customer, for one article of the given price. */
    private static Ticket.Builder knownCustomerTicket(String customerId, long amountMinor) {
        return Ticket.simple("demo-shop", "E2E-" + UUID.randomUUID().toString().substring(0, 8))
                .customerId(customerId)
                .item("e2e-article", "End-to-end article", 1, amountMinor)
                .vatMinor(amountMinor / 6)
                .currency("EUR")
                .serial("E2E-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
