package dev.attest.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver for the browser tests: headless, offline (no background networking, no
 * updates), screenshots under {@code target/screenshots}. Without them a browser test is skipped with a message,
 * unless {@code ATTEST_REQUIRE_BROWSER=true} (CI), where it fails.
 */
final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private HeadlessChromium() {
    }

    /** A browser with a window of the given size, or the test class skipped (failed in CI) without one. */
    static WebDriver start(int width, int height) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium or ChromeDriver is missing (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("ATTEST_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + ": browser test skipped");
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("attest-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    static void screenshot(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
