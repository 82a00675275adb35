package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HR's Users page and a one-time activation link in a real headless Chromium: HR creates a login, its owner opens the
 * link, is refused a weak password, chooses a good one, signs in and finds "Who viewed my pay"; and the throttle's
 * plain message on the sign-in page. Screenshots go to target/screenshots/ beside the scorecards'.
 */
@WebFunctionalTest
@ExtendWith(ChromeAvailable.class)
class UsersBrowserTests {

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        Files.createDirectories(ScorecardBrowserTests.SCREENSHOTS);
        Path profile = Files.createTempDirectory("promise-ledger-users-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromeAvailable.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromeAvailable.CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void loadQuartersAndSignOut(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        browser.manage().deleteAllCookies();
    }

    @Test
    void hrCreatesALoginAndItsOwnerActivatesItThroughTheOneTimeLink() throws Exception {
        signIn(SmallCompanyQuarters.LAUNCHED_BY, SmallCompanyQuarters.PASSWORD);
        submit(browser.findElement(By.id("nav-users")));
        browser.findElement(By.id("new-username")).sendKeys("wendy");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("EMPLOYEE");
        browser.findElement(By.id("new-employee")).sendKeys("E9");
        submit(browser.findElement(By.id("create")));

        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("Login wendy created.");
        assertThat(browser.findElement(By.cssSelector("#users tr[data-username=wendy] .state")).getText())
                .isEqualTo("awaiting activation");
        String link = browser.findElement(By.id("issued-link")).getText();
        screenshot("10-users-page");
        submit(browser.findElement(By.id("sign-out")));

        open("/activate?" + link.substring(link.indexOf("token=")));
        assertThat(browser.findElement(By.id("activate-username")).getText()).isEqualTo("wendy");
        choosePassword("too short");
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("at least 12 characters");
        screenshot("11-activation-refused");
        choosePassword("a garden of quiet stones");
        assertThat(browser.findElement(By.id("activated")).getText()).contains("wendy");

        submit(browser.findElement(By.id("to-sign-in")));
        signIn("wendy", "a garden of quiet stones");
        assertThat(browser.getCurrentUrl()).contains("/scorecards/E9");
        submit(browser.findElement(By.id("who-viewed")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Who viewed my pay");
        open("/activate?" + link.substring(link.indexOf("token=")));
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("cannot be used");
    }

    @Test
    void showsThrottlingOnTheSignInPageInPlainWords(@Autowired AppUsers users) throws Exception {
        // a login of this test's own: the database is shared with the other page tests, and a locked login stays
        // locked for 15 minutes
        users.save("tilda", SmallCompanyQuarters.PASSWORD, AppRole.AUDITOR, null);
        for (int i = 0; i < 5; i++) {
            signIn("tilda", "not tilda's password " + i);
        }
        signIn("tilda", SmallCompanyQuarters.PASSWORD);

        assertThat(browser.getCurrentUrl()).endsWith("/login?throttled");
        assertThat(browser.findElement(By.id("login-throttled")).getText())
                .isEqualTo("Too many failed sign-ins for this login. It is locked for 15 minutes; try again after that.");
        screenshot("12-sign-in-throttled");
    }

    private void choosePassword(String password) {
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirm")).sendKeys(password);
        submit(browser.findElement(By.id("set-password")));
    }

    private void signIn(String login, String password) {
        Chromium.submitSignIn(browser, "http://localhost:" + port + "/login", login, password);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void submit(WebElement button) {
        Chromium.submit(browser, button, Duration.ofSeconds(15));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = Chromium.wholePage(browser, 12000);
        Files.write(ScorecardBrowserTests.SCREENSHOTS.resolve(name + ".png"), png);
    }
}
