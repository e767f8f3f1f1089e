package dev.segmentagent.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver, one per test class. The flags keep
 * Chromium from reaching for the network (updates, sync, field trials), which on a closed network makes it
 * hang at start, and a fresh profile keeps runs independent.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            profile = Files.createTempDirectory("segment-ui-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a page of the UI with a fresh tab session (no key kept from an earlier test). */
    void openSignedOut(String hash) {
        driver.get(baseUrl + "/");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear();");
        driver.get(baseUrl + "/" + hash);
        driver.navigate().refresh();
    }

    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("window.location.hash = arguments[0];", hash);
    }

    WebElement await(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T waitFor(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
        } catch (TimeoutException e) {
            // what the page showed when the wait gave up: the fastest way to see why
            screenshot("timeout-" + System.currentTimeMillis());
            throw new TimeoutException(e.getMessage() + "\nPage text:\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Keeps a screenshot under target/screenshots as a build artefact, to look at. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
