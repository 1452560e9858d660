package dev.paygate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNG screenshots of the whole page, down to its end, named {@code <scenario>-<step>.png} and kept under target/ as
 * test artifacts. Taken through the DevTools protocol, which can capture beyond the window.
 */
final class Screenshots {

    /** Longer pages are cut here: a screenshot is evidence of a step, not an archive of the page. */
    private static final double PAGE_HEIGHT_MAX_PX = 8_000;

    private final ChromeDriver browser;
    private final Path directory;
    private final String scenario;

    Screenshots(ChromeDriver browser, Path directory, String scenario) {
        this.browser = browser;
        this.directory = directory;
        this.scenario = scenario;
    }

    Path take(String step) {
        Path file = directory.resolve(scenario + "-" + step + ".png");
        try {
            Files.createDirectories(directory);
            // As Puppeteer's full-page screenshots do: the content's size as the clip, captured beyond the window.
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) browser.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of()).get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", ((Number) content.get("width")).doubleValue(),
                    "height", Math.min(((Number) content.get("height")).doubleValue(), PAGE_HEIGHT_MAX_PX));
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
