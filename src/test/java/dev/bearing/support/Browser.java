package dev.bearing.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}),
 * driven by Selenium without downloading anything. CI installs both packages ({@code .ci/run});
 * on a developer machine without them the browser tests are skipped, in CI they fail.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** @return a new headless browser with an empty profile, window 1280x900 */
    public static ChromeDriver start() {
        return start(true);
    }

    /**
     * @param script false for a browser that runs no page script (the survey's plain-form path)
     * @return a new headless browser with an empty profile, window 1280x900
     */
    public static ChromeDriver start(boolean script) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            Assertions.fail("CI must install chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed; browser tests skipped");
        Path profile;
        try {
            profile = Files.createTempDirectory("bearing-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        if (!script) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        // console messages, so tests can see Content-Security-Policy refusals
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * The browsers one test starts, quit after it whatever its outcome:
     * {@code @RegisterExtension final Browser.Session browser = new Browser.Session();} then
     * {@code driver = browser.start();}.
     */
    public static final class Session implements org.junit.jupiter.api.extension.AfterEachCallback {

        private final java.util.List<ChromeDriver> started = new java.util.ArrayList<>();

        /** @return a new browser as {@link Browser#start()}, quit after the test */
        public ChromeDriver start() {
            return start(true);
        }

        /** @return a new browser as {@link Browser#start(boolean)}, quit after the test */
        public ChromeDriver start(boolean script) {
            ChromeDriver driver = Browser.start(script);
            started.add(driver);
            return driver;
        }

        @Override
        public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            started.forEach(ChromeDriver::quit); // quitting a browser the test quit already does nothing
            started.clear();
        }
    }

    /** @return console messages since the last call that report a Content-Security-Policy refusal */
    public static java.util.List<String> cspViolations(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    /** Clicks the label of a choice of a survey question. */
    public static void choose(ChromeDriver driver, String key, String value) {
        driver.findElement(org.openqa.selenium.By.cssSelector("input[name='q." + key + "'][value='" + value + "']"))
                .findElement(org.openqa.selenium.By.xpath("./ancestor::label")).click();
    }

    /** @return whether the choice of a survey question is selected */
    public static boolean checked(ChromeDriver driver, String key, String value) {
        return driver.findElement(org.openqa.selenium.By.cssSelector("input[name='q." + key + "'][value='" + value + "']"))
                .isSelected();
    }

    /** @return the save state shown under a survey question, e.g. "Saved" */
    public static String status(ChromeDriver driver, String key) {
        return driver.findElement(org.openqa.selenium.By.cssSelector("#q-" + key.replace(".", "\\.") + " [data-status]"))
                .getText();
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path out = Path.of("target/screenshots", name + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Saves the whole page, not only the window, as {@code target/screenshots/<name>.png}
     * (Chromium's DevTools capture beyond the viewport, at the window's width).
     */
    public static void fullPageScreenshot(ChromeDriver driver, String name) {
        Number width = (Number) driver.executeScript("return window.innerWidth;"); // the capture drops the scrollbar
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
        java.util.Map<String, Object> clip = java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Object data = driver.executeCdpCommand("Page.captureScreenshot",
                java.util.Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
        try {
            Path out = Path.of("target/screenshots", name + ".png");
            Files.createDirectories(out.getParent());
            Files.write(out, java.util.Base64.getDecoder().decode((String) data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Logs in through the login form, as a person would.
     *
     * @param base the server's base URL, ending in {@code /}
     */
    public static void login(ChromeDriver driver, Object base, String username, String password) {
        driver.get(base + "login");
        driver.findElement(org.openqa.selenium.By.id("j_username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("j_password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("form[action='/j_security_check'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login") && !d.getCurrentUrl().contains("j_security_check"));
    }
}
