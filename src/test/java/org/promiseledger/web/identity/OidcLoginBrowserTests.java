package org.promiseledger.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import sso.TestAuthorizationServer;

/**
 * login: oidc through a real sign-in in headless Chromium: the application's sign-in page sends the browser to an
 * in-process Spring Authorization Server (its own port), the person signs in there, and the code comes back to the
 * application, which reads the groups and employee_id claims. The application is reached at 127.0.0.1 and the
 * provider at localhost: two hosts, so their session cookies stay apart, and Spring Authorization Server refuses
 * "localhost" in redirect URIs anyway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:oidc-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "promise-ledger.security.login=oidc",
        "promise-ledger.security.oidc.client-id=" + TestAuthorizationServer.CLIENT_ID,
        "promise-ledger.security.oidc.client-secret=" + TestAuthorizationServer.CLIENT_SECRET,
        "promise-ledger.security.oidc.roles.EMPLOYEE=staff",
        "promise-ledger.security.oidc.roles.HR=compensation"})
@ExtendWith(ChromeAvailableHere.class)
class OidcLoginBrowserTests {

    private static final int APP_PORT = freePort();
    private static final int SSO_PORT = freePort();
    private static final String APP = "http://127.0.0.1:" + APP_PORT;

    private static ConfigurableApplicationContext sso;
    private static ChromeDriver browser;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry settings) {
        settings.add("server.port", () -> APP_PORT);
        settings.add("promise-ledger.security.oidc.issuer-uri", () -> {
            startSso();
            return "http://localhost:" + SSO_PORT;
        });
    }

    private static synchronized void startSso() {
        if (sso == null) {
            sso = TestAuthorizationServer.start(SSO_PORT, APP);
        }
    }

    @BeforeAll
    static void startChromium() throws IOException {
        Path profile = Files.createTempDirectory("promise-ledger-sso-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromeAvailableHere.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromeAvailableHere.CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sso != null) {
            sso.close();
        }
    }

    @BeforeEach
    void signedOutEverywhere() {
        browser.get(APP + "/login");
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + SSO_PORT + "/login");
        browser.manage().deleteAllCookies();
    }

    @Test
    void signsInThroughTheCompanysSingleSignOnWithRoleAndEmployeeFromItsClaims() {
        signInThroughSso("sso.gus");

        browser.get(APP + "/my-views");
        assertThat(browser.getCurrentUrl()).isEqualTo(APP + "/my-views");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("sso.gus");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("EMPLOYEE");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Who viewed my pay");
        assertThat(browser.findElements(By.id("not-linked"))).as("linked to E7 by the employee_id claim").isEmpty();
        browser.get(APP + "/users");
        assertThat(browser.findElement(By.id("problem-title")).getText()).startsWith("403");
    }

    @Test
    void aPersonWhoseGroupsMapToNoRoleGetsNoAccessAndAClearPage() {
        signInThroughSso("sso.zed");

        assertThat(browser.getCurrentUrl()).isEqualTo(APP + "/no-access");
        assertThat(browser.findElement(By.id("no-access")).getText()).contains("none of your groups gives a role in Promise Ledger");
        browser.get(APP + "/my-views");
        assertThat(browser.getCurrentUrl()).isEqualTo(APP + "/login");
    }

    private static void signInThroughSso(String person) {
        browser.get(APP + "/login");
        assertThat(browser.findElements(By.id("password"))).as("no password form in oidc mode").isEmpty();
        browser.findElement(By.id("sign-in-sso")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith("http://localhost:" + SSO_PORT));
        browser.findElement(By.id("username")).sendKeys(person);
        browser.findElement(By.id("password")).sendKeys(TestAuthorizationServer.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().startsWith(APP)
                && !d.getCurrentUrl().contains("/login/oauth2/code"));
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
