package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 19, operators: in headless Chromium, at desktop width and at 390 px, an operator signs in to the console,
 * finds a card payment a customer just made by the approval code the shop showed, reads its dispute trail (register
 * entry, network references, ledger posting, reversal) and signs out; and sets the console password from the shell
 * while the gateway runs. Screenshots: {@code target/e2e-screenshots/operator-*}.
 */
@ExtendWith(RunningPaygate.Resolver.class)
class OperatorConsoleE2ETest {

    private static final Duration OUTCOME_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration SET_PASSWORD_TIMEOUT = Duration.ofSeconds(120);

    private static RunningPaygate paygate;

    @BeforeAll
    static void paygate(RunningPaygate running) {
        paygate = running;
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void operatorFindsACardPaymentByItsApprovalCodeReadsItsTrailAndSignsOut(Viewport viewport) throws IOException {
        try (ChromiumPage page = ChromiumPage.open("operator", viewport)) {
            String approvalCode = cardPaymentThroughTheShop(page);

            page.get(paygate.gateway("/operator"));
            page.await("#username", "sign-in");
            page.shot("1-sign-in");
            page.find("#username").sendKeys("admin");
            page.find("#password").sendKeys(paygate.operatorPassword());
            page.find("main form button[type=submit]").click();
            page.await(".tiles", "overview");
            page.assertFitsTheScreen("overview");
            page.shot("2-overview");
            assertThat(page.find(".console-header").getText()).contains("operator console", "Sign out")
                    .doesNotContain("secure payment");

            page.find("#console-search-term").sendKeys(approvalCode.toLowerCase());
            page.find(".console-search button").click();
            WebElement results = page.await("#results", "search");
            page.assertFitsTheScreen("search");
            page.shot("3-search");
            assertThat(results.findElements(By.cssSelector("tbody tr"))).hasSize(1);
            assertThat(results.getText()).contains(approvalCode, "card", "approved", "Paygate Demo Coffee");

            page.find("#results .trail-link").click();
            page.await("#register-entry", "trail");
            page.assertFitsTheScreen("trail");
            page.shot("4-trail");
            assertThat(page.find("#trail-status").getText()).isEqualTo("approved");
            assertThat(page.find("#trail-auth-code").getText()).isEqualTo(approvalCode);
            assertThat(page.find("#trail-rrn").getText()).matches("[0-9A-Za-z]{12}");
            assertThat(page.find("#trail-stan").getText()).matches("[0-9]{6}");
            assertThat(page.find("#postings").getText()).contains("card payment", "till:demo-shop");
            assertThat(page.find("#reversals").getText()).contains("cancelled");

            page.find("#sign-out").click();
            page.await("#signed-out", "signed out");
            page.shot("5-signed-out");
            page.get(paygate.gateway("/operator/payments"));
            page.await("#username", "after signing out");
            assertThat(page.browser.getCurrentUrl()).endsWith("/operator/login");
        }
    }

    @Test
    void theReadyLineNamesTheConsoleAndSetPasswordChangesItsPasswordWhileTheGatewayRuns() throws Exception {
        assertThat(paygate.gatewayLog()).contains("Operator console at " + paygate.gateway("/operator")
                + ": user 'admin' with the password logged at the first start");
        String oldPassword = paygate.operatorPassword();
        String newPassword = "console password set from the shell";

        ProcessBuilder command = new ProcessBuilder(
                RunningPaygate.REPOSITORY_ROOT.resolve("bin/paygate-operator").toString(), "set-password")
                .directory(RunningPaygate.REPOSITORY_ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(RunningPaygate.LOG_DIRECTORY.resolve("set-password.log").toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        command.environment().put("PAYGATE_DATA_DIRECTORY", paygate.dataDirectory().toString());
        Process setPassword = command.start();
        setPassword.getOutputStream().write((newPassword + "\n").getBytes(StandardCharsets.UTF_8));
        setPassword.getOutputStream().close();
        assertThat(setPassword.waitFor(SET_PASSWORD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        assertThat(setPassword.exitValue()).as(Files.readString(RunningPaygate.LOG_DIRECTORY.resolve("set-password.log")))
                .isZero();
        paygate.operatorPasswordChanged(newPassword);
        try (ChromiumPage page = ChromiumPage.open("operator-password", Viewport.DESKTOP)) {
            for (String password : List.of(oldPassword, newPassword)) {
                page.get(paygate.gateway("/operator/login"));
                page.await("#username", "sign-in");
                page.find("#username").sendKeys("admin");
                page.find("#password").sendKeys(password);
                page.find("main form button[type=submit]").click();
                page.await(password.equals(oldPassword) ? ".notice--warn" : ".tiles", "sign-in result");
            }
            page.shot("signed-in-with-the-new-password");
        }
    }

    /** Alice buys the hand grinder (above the wallet threshold, so her card pays); the approval code the shop shows. */
    private static String cardPaymentThroughTheShop(ChromiumPage page) {
        page.buyInTheShop(paygate, "hand-grinder", "alice", "alice-demo-pass");
        WebElement delivery = page.await("#delivery", OUTCOME_TIMEOUT, "delivery");
        assertThat(delivery.getDomAttribute("data-path")).isEqualTo("card");
        return page.find("#approval-code").getText();
    }
}
