package dev.paygate.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's chromedriver. Both paths are given explicitly, which is what keeps
 * Selenium Manager from running (and from trying to download a browser or a driver, which fails here).
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final int MINIMUM_WINDOW_WIDTH_PX = 500;

    private HeadlessChromium() {
    }

    /** On CI a missing browser is a broken build; on a developer's machine the test is skipped with the fix. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "The end-to-end test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install chromium chromium-driver";
        if (!installed && System.getenv("CI") != null) {
            fail(message + " (CI is set, so this fails instead of skipping)");
        }
        assumeTrue(installed, message);
    }

    static ChromeDriver start(Path userDataDirectory, Path driverLogFile) {
        return start(userDataDirectory, driverLogFile, Viewport.DESKTOP);
    }

    static ChromeDriver start(Path userDataDirectory, Path driverLogFile, Viewport viewport) {
        // Checked by Selenium before Selenium Manager: with it set, the manager never runs.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(driverLogFile.toString()))
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--window-size=" + Math.max(viewport.widthPx, MINIMUM_WINDOW_WIDTH_PX) + "," + viewport.heightPx,
                        "--user-data-dir=" + userDataDirectory);
        if (viewport.mobile) {
            // A headless window is never narrower than 500 px; the emulated device gives the page its 390.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", viewport.widthPx, "height", viewport.heightPx, "pixelRatio", 1.0, "touch", true,
                    "mobile", true)));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
        return driver;
    }
}
