package dev.paygate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One test's headless Chromium at one viewport, with the checks every page gets: waiting for what a step shows (and
 * saying where the browser is when it does not come), a screenshot per step named {@code <scenario>-<viewport>-<step>},
 * and that nothing runs off the screen sideways.
 */
final class ChromiumPage implements AutoCloseable {

    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(15);

    final ChromeDriver browser;
    private final Viewport viewport;
    private final Path userDataDirectory;
    private final Screenshots screenshots;

    private ChromiumPage(ChromeDriver browser, Viewport viewport, Path userDataDirectory, Screenshots screenshots) {
        this.browser = browser;
        this.viewport = viewport;
        this.userDataDirectory = userDataDirectory;
        this.screenshots = screenshots;
    }

    static ChromiumPage open(String scenario, Viewport viewport) throws IOException {
        Path userDataDirectory = Files.createTempDirectory("paygate-e2e-chromium-");
        ChromeDriver browser = HeadlessChromium.start(userDataDirectory,
                RunningPaygate.LOG_DIRECTORY.resolve("chromedriver-" + scenario + "-" + viewport.label() + ".log"),
                viewport);
        return new ChromiumPage(browser, viewport, userDataDirectory,
                new Screenshots(browser, RunningPaygate.SCREENSHOT_DIRECTORY, scenario + "-" + viewport.label()));
    }

    void get(String url) {
        browser.get(url);
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Waits for an element; on time-out says where the browser is instead of only "not found". */
    WebElement await(String css, Duration timeout, String step) {
        try {
            return new WebDriverWait(browser, timeout).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("step " + step + ": no " + css + " within " + timeout.toSeconds()
                    + " s; the browser shows \"" + browser.getTitle() + "\" at " + browser.getCurrentUrl(), e);
        }
    }

    WebElement await(String css, String step) {
        return await(css, PAGE_TIMEOUT, step);
    }

    /**
     * A customer in the demo shop: one article into the basket, checkout, and on the payment page who pays and the
     * password, Confirm. The browser is then on its way to the shop's delivery or cancel page.
     */
    void buyInTheShop(RunningPaygate paygate, String sku, String customerId, String password) {
        get(paygate.shop("/"));
        await("#add-" + sku, "shop").click();
        await("#checkout", "basket").click();
        await("#password", "payment page");
        find("#customerId").sendKeys(customerId);
        find("#password").sendKeys(password);
        find("form.pay-form button[type=submit]").click();
    }

    /** The whole page, down to its end, as the step's screenshot. */
    void shot(String step) {
        screenshots.take(step);
    }

    /** Nothing wider than the viewport: no column or copy cut off, no sideways scrolling of the page. */
    void assertFitsTheScreen(String step) {
        long pageWidthPx = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        long viewportWidthPx = ((Number) script("return window.innerWidth")).longValue();
        if (viewport.mobile) {
            assertThat(viewportWidthPx).as("the emulated phone's viewport").isEqualTo(viewport.widthPx);
        }
        assertThat(pageWidthPx).as(step + ": the page's width at " + viewport + " (" + browser.getCurrentUrl() + ")")
                .isLessThanOrEqualTo(viewportWidthPx);
    }

    /** The element lies wholly within the viewport's width, e.g. a button at the end of a table row. */
    void assertWithinTheScreen(WebElement element, String what) {
        long viewportWidthPx = ((Number) script("return window.innerWidth")).longValue();
        double rightPx = ((Number) script("return arguments[0].getBoundingClientRect().right", element)).doubleValue();
        assertThat(rightPx).as(what + " at " + viewport).isLessThanOrEqualTo(viewportWidthPx);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    Viewport viewport() {
        return viewport;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        BuiltJars.deleteRecursively(userDataDirectory);
    }
}
