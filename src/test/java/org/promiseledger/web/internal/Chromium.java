package org.promiseledger.web.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) signed in to the application on a port, for the page
 * tests of the metric views: open, sign in and out, ask the status of an address as a script on the page would, and
 * keep full-page screenshots in target/screenshots/.
 */
final class Chromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private int port;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static Chromium start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("promise-ledger-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromeAvailable.CHROMIUM.toString());
        // the network here is closed: without the background-networking flags Chromium keeps trying Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromeAvailable.CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver);
    }

    Chromium on(int port) {
        this.port = port;
        driver.manage().deleteAllCookies();
        return this;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String login) {
        signIn(driver, url("/login"), login, SmallCompanyQuarters.PASSWORD);
    }

    void signOut() {
        signOut(driver);
    }

    /** Clicks a button or link and waits until the page it leads to has replaced this one. */
    void submit(WebElement control) {
        submit(driver, control, Duration.ofSeconds(15));
    }

    /** Signs in through the form and waits to leave the sign-in page, or says who could not sign in. */
    static void signIn(ChromeDriver driver, String loginPageUrl, String login, String password) {
        submitSignIn(driver, loginPageUrl, login, password);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
        } catch (org.openqa.selenium.TimeoutException stayed) {
            // say who could not sign in and where it stayed (a locked or changed login in the shared database)
            throw new AssertionError("signing in as " + login + " stayed on " + driver.getCurrentUrl(), stayed);
        }
    }

    /** Fills in and sends the sign-in form, whatever comes of it (tests of refused sign-ins look at the result). */
    static void submitSignIn(ChromeDriver driver, String loginPageUrl, String login, String password) {
        driver.get(loginPageUrl);
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        submit(driver, driver.findElement(By.id("sign-in")), Duration.ofSeconds(15));
    }

    static void signOut(ChromeDriver driver) {
        submit(driver, driver.findElement(By.id("sign-out")), Duration.ofSeconds(15));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/login?logout"));
    }

    /**
     * Clicks and waits until the page it leads to has replaced this one and has loaded. While the old page is torn down
     * Chrome may answer "node does not belong to the document" instead of a stale-element error: both mean replaced.
     */
    static void submit(ChromeDriver driver, WebElement control, Duration timeout) {
        WebElement page = driver.findElement(By.tagName("html"));
        control.click();
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) { // stale element included
                return true;
            }
        });
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The status and final address the signed-in browser gets for an address, redirects followed, as a page script sees it. */
    @SuppressWarnings("unchecked")
    List<Object> fetch(String path) {
        return (List<Object>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => done([r.status, r.url]));", path);
    }

    /** The whole page, not only the window: Chrome's DevTools capture beyond the viewport. */
    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), wholePage(driver, 12000));
    }

    /** A PNG of the page down to {@code maxHeight} CSS pixels, or of the window where DevTools cannot capture more. */
    static byte[] wholePage(ChromeDriver driver, double maxHeight) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                    "height", Math.min(((Number) size.get("height")).doubleValue(), maxHeight), "scale", 1);
            Object data = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip)).get("data");
            return Base64.getDecoder().decode((String) data);
        } catch (RuntimeException noDevTools) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
