package dev.paygate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** PNG screenshots named {@code <scenario>-<step>.png}, kept under target/ as test artifacts. */
final class Screenshots {

    private final TakesScreenshot browser;
    private final Path directory;
    private final String scenario;

    Screenshots(TakesScreenshot browser, Path directory, String scenario) {
        this.browser = browser;
        this.directory = directory;
        this.scenario = scenario;
    }

    Path take(String step) {
        Path file = directory.resolve(scenario + "-" + step + ".png");
        try {
            Files.createDirectories(directory);
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
