package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * The scorecards in a real headless Chromium (Debian's chromium and chromium-driver) against the application on a
 * random port: what a person sees is checked against the database, the PDF is really downloaded, a peer's page is
 * really refused. Screenshots of the main pages are kept in target/screenshots/ for a reviewer.
 */
@WebFunctionalTest
@ExtendWith(ChromeAvailable.class)
class ScorecardBrowserTests {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ChromeDriver browser;
    private static Path downloads;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunRegistry registry;

    @Autowired
    Formats fmt;

    long q3Run;

    @BeforeAll
    static void startChromium() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        downloads = Files.createTempDirectory("promise-ledger-downloads");
        Path profile = Files.createTempDirectory("promise-ledger-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromeAvailable.CHROMIUM.toString());
        // the network here is closed: without the background-networking flags Chromium keeps trying Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
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
    void loadQuartersAndSignOut(@Autowired QuarterlyRunner runner, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        q3Run = registry.latestCalculated(SmallCompanyQuarters.Q3).orElseThrow().runId();
        browser.manage().deleteAllCookies();
    }

    @Test
    void anExecutiveSeesTheirScorecardWithTheLedgersFiguresAndDownloadsThePdf() throws Exception {
        open("/login");
        screenshot("01-sign-in");
        signIn("ben");

        assertThat(browser.getCurrentUrl()).endsWith("/scorecards/E2");
        waitForChart("trend-chart");
        assertThat(browser.executeScript("return Chart.version")).isEqualTo("4.4.1");
        Map<String, Object> payout = jdbc.queryForMap("SELECT target_bonus, score, amount FROM payout WHERE run_id = ?"
                + " AND employee_id = 'E2'", q3Run);
        assertThat(text("amount")).isEqualTo(fmt.money((BigDecimal) payout.get("amount"))).isEqualTo("60,395.62");
        assertThat(text("score")).isEqualTo(fmt.four((BigDecimal) payout.get("score")));
        assertThat(text("target-bonus")).isEqualTo(fmt.money((BigDecimal) payout.get("target_bonus")));
        for (Map<String, Object> line : jdbc.queryForList("SELECT component, weight, attainment, contribution FROM payout_line"
                + " WHERE run_id = ? AND employee_id = 'E2'", q3Run)) {
            WebElement row = browser.findElement(By.cssSelector("#components tr[data-component=" + line.get("component") + "]"));
            assertThat(row.findElement(By.className("weight")).getText()).isEqualTo(fmt.four((BigDecimal) line.get("weight")));
            assertThat(row.findElement(By.className("attainment")).getText()).isEqualTo(fmt.four((BigDecimal) line.get("attainment")));
            assertThat(row.findElement(By.className("contribution")).getText())
                    .isEqualTo(fmt.four((BigDecimal) line.get("contribution")));
        }
        BigDecimal companyCx = jdbc.queryForObject("SELECT cx_index FROM cx_index WHERE run_id = ? AND scope = 'COMPANY'",
                BigDecimal.class, q3Run);
        assertThat(browser.findElement(By.cssSelector("#scope-COMPANY-COMPANY .cx-index")).getText()).isEqualTo(fmt.four(companyCx));
        String interval = browser.findElement(By.cssSelector("#scope-COMPANY-COMPANY tr[data-metric=NPS] .nps-interval")).getText();
        assertThat(interval).startsWith("90 % interval ").contains(" to ").contains("adjusted-Wald");
        screenshot("02-executive-scorecard");

        browser.findElement(By.id("statement-pdf")).click();
        Path pdf = awaitDownload("scorecard-E2-2026-Q3.pdf");
        String statement = pdfText(Files.readAllBytes(pdf));
        assertThat(statement).contains("Ben Retail").contains("60,395.62 EUR").contains(fmt.four((BigDecimal) payout.get("score")));

        open("/departments/D10?period=2026-Q3");
        assertThat(browser.findElement(By.cssSelector("#scope-DEPARTMENT-D10 .cx-index")).getText()).isEqualTo("1.0000");
        screenshot("03-department-scorecard");
        open("/cx?period=2026-Q3");
        waitForChart("company-chart");
        assertThat(text("company-cx")).isEqualTo(fmt.four(companyCx));
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(5);
        screenshot("04-cx-ranking-and-trend");
    }

    @Test
    void anEmployeeIsRefusedAPeersScorecardWhateverTheAddress() throws Exception {
        signIn("gus");
        assertThat(browser.getCurrentUrl()).endsWith("/scorecards/E7");
        waitForChart("trend-chart");
        screenshot("05-staff-scorecard");

        open("/scorecards/E8?period=2026-Q3");

        assertThat(text("problem-title")).isEqualTo("403 Not yours to see");
        String peersAmount = fmt.money(jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E8'",
                BigDecimal.class, q3Run));
        assertThat(browser.getPageSource()).doesNotContain(peersAmount);
        screenshot("06-peer-refused");
        assertThat(statusOf("/scorecards/E8")).isEqualTo(403);
        assertThat(statusOf("/scorecards/E8/statement.pdf?period=2026-Q3")).isEqualTo(403);
        assertThat(statusOf("/scorecards/E5?period=2025-Q4")).as("not even their manager, in any quarter").isEqualTo(403);
        assertThat(statusOf("/departments/D10")).isEqualTo(403);
    }

    @Test
    void aQueryRaisedInTheBrowserIsAnsweredByHrWhoApprovesTheRunWithFourEyes() throws Exception {
        signIn("gus");
        new Select(browser.findElement(By.id("line"))).selectByValue("COMPONENT:INDIVIDUAL");
        browser.findElement(By.id("query-body")).sendKeys("Sales were 105 % on my count too; why is the individual part lower?");
        submit(browser.findElement(By.id("send-query")));
        assertThat(text("flash")).contains("was sent to HR");
        signOut();

        signIn(SmallCompanyQuarters.LAUNCHED_BY);
        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("refusal")).contains("four eyes");
        screenshot("07-runs-four-eyes-refusal");
        signOut();

        signIn("hana");
        open("/queries");
        WebElement query = browser.findElements(By.cssSelector(".query")).stream()
                .filter(q -> q.getText().contains("why is the individual part lower?")).findFirst().orElseThrow();
        query.findElement(By.tagName("textarea")).sendKeys("Your sales are 105 % and productivity 110 %: individual 1.0750.");
        submit(query.findElement(By.cssSelector("button[type=submit]")));
        assertThat(text("flash")).contains("Answer to query");
        screenshot("08-hr-queries");
        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("refusal")).contains("integrity signal");
        // answers bunched at the end of the quarter (min-sample 3): HR reviews each signal on the Integrity page
        open("/integrity?period=2026-Q3");
        assertThat(browser.findElements(By.cssSelector("#integrity-signals tbody tr"))).isNotEmpty();
        screenshot("08b-integrity-signals");
        while (true) {
            WebElement openRow = browser.findElements(By.cssSelector("#integrity-signals tbody tr")).stream()
                    .filter(row -> row.findElement(By.className("review-status")).getText().equals("OPEN")).findFirst()
                    .orElse(null);
            if (openRow == null) {
                break;
            }
            openRow.findElement(By.name("reason")).sendKeys("survey invitations go out in a monthly batch");
            submit(openRow.findElement(By.cssSelector("button[type=submit]")));
            assertThat(text("flash")).contains("marked CLEARED by hana");
        }
        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("flash")).contains("approved by hana");
        assertThat(registry.find(q3Run).orElseThrow().state()).isEqualTo(RunState.APPROVED);
        screenshot("09-runs-approved");
        signOut();

        signIn("gus");
        assertThat(browser.findElement(By.id("queries")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector(".query .answer-body"))).extracting(WebElement::getText)
                .contains("Your sales are 105 % and productivity 110 %: individual 1.0750.");
        assertThat(text("run-state")).isEqualTo("APPROVED");
    }

    @Test
    void auditorsReadEverythingAndAnalystsSeeMetricsButNoOnesPay() throws Exception {
        signIn("olga");
        assertThat(browser.getCurrentUrl()).endsWith("/runs");
        assertThat(browser.findElements(By.cssSelector("button[id^=approve-]"))).as("read-only").isEmpty();
        open("/audit");
        assertThat(browser.findElements(By.cssSelector("#chains tbody tr"))).allSatisfy(r -> assertThat(r.getText()).endsWith("intact"));
        screenshot("10-auditor-ledger-check");
        open("/scorecards/E1?period=2026-Q3");
        assertThat(text("amount")).isEqualTo(fmt.money(jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ?"
                + " AND employee_id = 'E1'", BigDecimal.class, q3Run)));
        signOut();

        signIn("ana");
        open("/metrics?period=2026-Q3");
        assertThat(browser.findElements(By.cssSelector("#metrics tbody tr"))).hasSize(jdbc.queryForObject(
                "SELECT COUNT(*) FROM department_metrics WHERE run_id = ?", Integer.class, q3Run));
        screenshot("11-analyst-metrics");
        open("/rules");
        screenshot("12-analyst-rule-versions");
        assertThat(statusOf("/scorecards/E3?period=2026-Q3")).isEqualTo(403);
        assertThat(statusOf("/runs/2026-Q3/exports/payouts.csv")).isEqualTo(403);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String login) {
        Chromium.signIn(browser, "http://localhost:" + port + "/login", login, SmallCompanyQuarters.PASSWORD);
    }

    private void signOut() {
        Chromium.signOut(browser);
    }

    private static void submit(WebElement button) {
        Chromium.submit(browser, button, Duration.ofSeconds(15));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitForChart(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> "true".equals(d.findElement(By.id(id)).getDomAttribute("data-drawn")));
    }

    /** The status the server gives the signed-in browser for an address, as a script on the page would see it. */
    private long statusOf(String path) {
        Object status = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status));", path);
        return ((Number) status).longValue();
    }

    private Path awaitDownload(String name) {
        Path file = downloads.resolve(name);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Files.exists(file) && !partialDownloads());
        return file;
    }

    private static boolean partialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return true;
        }
    }

    /** The whole page, not only the window: Chrome's DevTools capture beyond the viewport. */
    private static void screenshot(String name) throws IOException {
        byte[] png = Chromium.wholePage(browser, 12000);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
