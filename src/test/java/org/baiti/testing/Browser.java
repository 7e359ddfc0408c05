package org.baiti.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium from Debian ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}); no
 * tool downloads a browser. Screenshots go under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = env("BAITI_CHROMIUM", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = env("BAITI_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private Browser(int width, int height, boolean phone) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--window-size=" + width + "," + height);
        // headless Chromium sends Accept-Language: en-US whatever --lang says; the pages' default reader is Chinese
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0),
                    "userAgent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
                            + "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("BAITI_REQUIRE_BROWSER"));
    }

    /** A phone-sized viewport (390 x 844, like an iPhone 14 in WeChat). */
    public static Browser phone() {
        return new Browser(390, 844, true);
    }

    /** A desktop or big-screen viewport. */
    public static Browser desktop(int width, int height) {
        return new Browser(width, height, false);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiting(Duration d) {
        return new WebDriverWait(driver, d);
    }

    /** Saves a PNG of the viewport to {@code target/screenshots/NAME.png} and returns its path. */
    public Path screenshot(String name) {
        return save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves a PNG taken otherwise (of one element, say) to {@code target/screenshots/NAME.png}. */
    public Path save(String name, byte[] png) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
