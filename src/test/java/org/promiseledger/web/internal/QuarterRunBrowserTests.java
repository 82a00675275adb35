package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import org.promiseledger.ledger.PayoutLedger;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.promiseledger.support.Logins;
import org.promiseledger.support.ServedApp;
import org.promiseledger.support.ShiftedInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * HR runs a quarter in a real headless Chromium: uploads the files (one by one, or one zip), sees the check's rejects
 * before anything runs, launches, watches the steps reach the end, has a second HR login review the run's integrity
 * signals on the Integrity page and approve (four eyes), books a clawback and downloads the payroll file; a run that
 * fails (the database "goes away" while booking) is restarted from its page and ends calculated. The screenshots of
 * the check and the progress page are the README's.
 */
@ServedApp
@ExtendWith(ChromeAvailable.class)
class QuarterRunBrowserTests {

    static final Path README_IMAGES = Path.of("docs/images");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ChromeDriver browser;
    private static Path downloads;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunRegistry registry;

    @MockitoSpyBean
    PayoutLedger ledger;

    @BeforeAll
    static void startChromium() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(README_IMAGES);
        downloads = Files.createTempDirectory("promise-ledger-downloads");
        Path profile = Files.createTempDirectory("promise-ledger-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromeAvailable.CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(ChromeAvailable.CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void loginsAndSignOut() {
        Logins.ensure(jdbc, "hr.alice", "HR", null);
        Logins.ensure(jdbc, "hana", "HR", "E11");
        Logins.ensure(jdbc, "olga", "AUDITOR", null);
        browser.manage().deleteAllCookies();
    }

    @Test
    void hrUploadsChecksLaunchesWatchesAndASecondHrLoginApprovesBeforeThePayrollIsDownloaded() throws Exception {
        signIn("hr.alice");
        open("/runs/new");
        browser.findElement(By.id("period")).sendKeys("2026-Q3");
        browser.findElement(By.id("files")).sendKeys(ShiftedInputs.SMALL.resolve("surveys.csv").toAbsolutePath().toString());
        submit(browser.findElement(By.id("upload")));
        assertThat(text("refusal")).startsWith("missing: departments.csv, employees.csv, touchpoints.csv");

        Path tooLarge = Files.createTempDirectory("too-large").resolve("surveys.csv");
        Files.write(tooLarge, new byte[1024 * 1024 + 512]);
        browser.findElement(By.id("period")).clear();
        browser.findElement(By.id("period")).sendKeys("2026-Q3");
        browser.findElement(By.id("files")).sendKeys(tooLarge.toAbsolutePath().toString());
        submit(browser.findElement(By.id("upload")));
        assertThat(text("refusal")).isEqualTo("The upload is larger than the limit of 1 MB (promise-ledger.upload-limit).");

        browser.findElement(By.id("period")).clear();
        browser.findElement(By.id("period")).sendKeys("2026-Q3");
        browser.findElement(By.id("files")).sendKeys(String.join("\n", files(ShiftedInputs.SMALL)));
        screenshot("run-quarter-upload", false);
        submit(browser.findElement(By.id("upload")));
        assertThat(browser.findElements(By.cssSelector("#uploaded-files tbody tr"))).hasSize(11);
        String uploadId = text("upload-id");

        submit(browser.findElement(By.id("check")));
        assertThat(text("verdict")).isEqualTo("The run would go ahead.");
        assertThat(text("reject-count")).isEqualTo("4");
        assertThat(browser.findElements(By.cssSelector("#check-rejects tbody tr"))).extracting(WebElement::getText)
                .containsExactly("contacts.csv 22 opened_at OUT_OF_PERIOD 2026-10-01T00:00:00Z outside 2026-Q3 in zone UTC",
                        "contacts.csv 23 opened_at OUT_OF_PERIOD 2026-10-01T00:30:00+00:00 outside 2026-Q3 in zone UTC",
                        "surveys.csv 69 responded_at OUT_OF_PERIOD 2026-06-30T23:59:59Z outside 2026-Q3 in zone UTC",
                        "surveys.csv 70 responded_at OUT_OF_PERIOD 2026-07-01T00:30:00+02:00 outside 2026-Q3 in zone UTC");
        assertThat(browser.findElement(By.cssSelector("#check-files tr[data-file='surveys.csv'] .rejected")).getText()).isEqualTo("2");
        assertThat(registry.runsOf(Period.parse("2026-Q3"))).as("the check runs nothing").isEmpty();
        screenshot("run-quarter-check", true);

        submit(browser.findElement(By.id("launch")));
        assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+/progress");
        awaitEnd();
        long runId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/(\\d+)/progress", "$1"));
        assertThat(text("run-state")).isEqualTo("CALCULATED");
        assertThat(browser.findElements(By.cssSelector("#steps .step-status"))).hasSize(14)
                .allSatisfy(s -> assertThat(s.getText()).isEqualTo("COMPLETED"));
        assertThat(browser.findElement(By.cssSelector("#steps tr[data-step=ingestSurveysStep] .step-rows")).getText()).isEqualTo("69");
        assertThat(text("rows-read")).isEqualTo(String.valueOf(jdbc.queryForObject(
                "SELECT SUM(rows_read) FROM input_file_count WHERE run_id = ?", Long.class, runId)));
        screenshot("run-quarter-progress", true);
        QuarterlyRunRecord run = registry.find(runId).orElseThrow();
        assertThat(run.launchedBy()).isEqualTo("hr.alice");
        assertThat(run.dataDir()).isEqualTo(jdbc.queryForObject("SELECT data_dir FROM input_upload WHERE upload_id = ?",
                String.class, uploadId)).endsWith("uploads/" + uploadId);
        assertThat(run.inputFingerprint()).isEqualTo(new org.promiseledger.ingest.InputFolder(ShiftedInputs.SMALL).fingerprint());

        submit(browser.findElement(By.id("rejects-link")));
        assertThat(text("reject-total")).isEqualTo("4");
        new Select(browser.findElement(By.id("file"))).selectByValue("surveys.csv");
        submit(browser.findElement(By.id("filter")));
        assertThat(browser.findElements(By.cssSelector("#rejects tbody tr"))).hasSize(2)
                .allSatisfy(r -> assertThat(r.getText()).startsWith("surveys.csv"));

        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("refusal")).contains("four eyes");
        signOut();

        signIn("hana");
        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("refusal")).contains("integrity signals are open in run " + runId);
        // answers bunched at the end of the quarter (min-sample 3): the second HR login reviews each signal first
        open("/integrity?period=2026-Q3");
        assertThat(text("run-id")).isEqualTo(String.valueOf(runId));
        List<WebElement> signals = browser.findElements(By.cssSelector("#integrity-signals tbody tr"));
        assertThat(signals).isNotEmpty();
        int reviewed = 0;
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
            reviewed++;
        }
        assertThat(reviewed).isEqualTo(signals.size());
        open("/runs");
        submit(browser.findElement(By.id("approve-2026-Q3")));
        assertThat(text("flash")).contains("approved by hana");
        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.APPROVED);

        open("/adjustments");
        browser.findElement(By.id("adj-period")).sendKeys("2026-Q3");
        browser.findElement(By.id("employee")).sendKeys("E7");
        browser.findElement(By.id("amount")).sendKeys("-50.00");
        browser.findElement(By.id("reason")).sendKeys("returned goods on a counted sale");
        submit(browser.findElement(By.id("book")));
        assertThat(text("flash")).startsWith("Booked clawback -50.00 for E7 in 2026-Q3");
        assertThat(browser.findElements(By.cssSelector("#adjustments tbody tr"))).extracting(WebElement::getText)
                .anySatisfy(r -> assertThat(r).contains("E7").contains("-50.00").contains("returned goods on a counted sale"));

        open("/runs");
        browser.findElement(By.id("payroll-2026-Q3")).click();
        Path payroll = awaitDownload("payroll-2026-Q3.csv");
        List<String> lines = Files.readAllLines(payroll, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("period,employee_id,net_amount,currency,run_id,rule_set_version");
        assertThat(lines).hasSize(1 + jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Integer.class, runId));
        BigDecimal e7 = jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E7'", BigDecimal.class, runId);
        assertThat(lines).contains("2026-Q3,E7," + e7.subtract(new BigDecimal("50.00")).toPlainString() + ",EUR," + runId + ","
                + run.ruleSetVersion().substring(0, 12));
        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.EXPORTED);
    }

    @Test
    void aRunThatFailedIsRestartedFromItsPageAndEndsCalculated() throws Exception {
        doThrow(new TransientDataAccessResourceException("the database went away")).doCallRealMethod()
                .when(ledger).append(any(), any(), any());
        Path zip = zipOf(ShiftedInputs.small(3));
        signIn("hana");
        open("/runs/new");
        browser.findElement(By.id("period")).sendKeys("2026-Q4");
        browser.findElement(By.id("files")).sendKeys(zip.toAbsolutePath().toString());
        submit(browser.findElement(By.id("upload")));
        assertThat(browser.findElements(By.cssSelector("#uploaded-files tbody tr"))).as("the zip's eleven files").hasSize(11);
        submit(browser.findElement(By.id("check")));
        assertThat(text("verdict")).isEqualTo("The run would go ahead.");
        submit(browser.findElement(By.id("launch")));
        awaitEnd();
        long runId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/(\\d+)/progress", "$1"));
        assertThat(text("run-state")).isEqualTo("FAILED");
        assertThat(text("note")).contains("the database went away");
        assertThat(browser.findElement(By.cssSelector("#steps tr[data-step=scoreEmployeesStep] .step-status")).getText())
                .isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("restart")).isDisplayed()).isTrue();
        screenshot("run-quarter-failed", false);

        submit(browser.findElement(By.id("restart")));
        assertThat(text("flash")).isEqualTo("Run " + runId + " restarted where it stopped.");
        awaitEnd();
        assertThat(text("run-state")).isEqualTo("CALCULATED");
        assertThat(browser.findElement(By.id("restart-form")).isDisplayed()).isFalse();
        assertThat(registry.history(runId)).extracting(RunRegistry.StateChange::state)
                .containsExactly("STARTED", "FAILED", "STARTED", "CALCULATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e"
                + " ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = ? AND s.STEP_NAME = 'ingestSurveysStep'",
                Integer.class, String.valueOf(runId))).as("the ingest steps that completed are not run again").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Integer.class, runId)).isEqualTo(12);
    }

    @Test
    void hrCreatesATokenShownOnceThatSignsTheApiInUntilRevoked() throws Exception {
        signIn("hana");
        open("/tokens");
        browser.findElement(By.id("username")).sendKeys("olga");
        new Select(browser.findElement(By.id("scope"))).selectByValue("read");
        browser.findElement(By.id("label")).sendKeys("audit scripts");
        submit(browser.findElement(By.id("create-token")));
        String token = text("new-token");
        assertThat(token).startsWith("plt_").hasSizeGreaterThan(40);
        assertThat(apiStatus("/api/v1/runs", token)).isEqualTo(200);

        open("/tokens");
        assertThat(browser.findElements(By.id("new-token"))).as("shown once").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token);
        WebElement row = browser.findElements(By.cssSelector("#tokens tbody tr")).stream()
                .filter(r -> r.getText().contains("audit scripts")).findFirst().orElseThrow();
        String id = row.getDomAttribute("data-token");
        assertThat(row.getText()).contains("olga").contains("read").contains("active");
        submit(browser.findElement(By.id("revoke-" + id)));
        assertThat(text("flash")).contains("revoked");
        assertThat(apiStatus("/api/v1/runs", token)).isEqualTo(401);
    }

    @Test
    void auditorsWatchRunsButCannotRunAQuarter() throws Exception {
        signIn("olga");
        assertThat(browser.findElements(By.id("nav-run-quarter"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-adjustments"))).hasSize(1);
        open("/runs/new");
        assertThat(browser.getPageSource()).doesNotContain("upload-form");
        open("/adjustments");
        assertThat(browser.findElements(By.id("adjust-form"))).isEmpty();
    }

    // --- helpers

    private void awaitEnd() {
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> d.findElement(By.id("ended")).isDisplayed());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.toAbsolutePath().toString()).sorted().toList();
        }
    }

    private static Path zipOf(Path dir) throws IOException {
        Path zip = Files.createTempFile("quarter-", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String file : files(dir)) {
                z.putNextEntry(new ZipEntry("2026-Q4/" + Path.of(file).getFileName()));
                z.write(Files.readAllBytes(Path.of(file)));
                z.closeEntry();
            }
        }
        return zip;
    }

    private int apiStatus(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String login) {
        Chromium.signIn(browser, "http://localhost:" + port + "/login", login, Logins.PASSWORD);
    }

    private void signOut() {
        Chromium.signOut(browser);
    }

    private static void submit(WebElement button) {
        Chromium.submit(browser, button, Duration.ofSeconds(60));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
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

    /** The whole page into target/screenshots, and into docs/images when the README shows it. */
    private static void screenshot(String name, boolean forReadme) throws IOException {
        byte[] png = Chromium.wholePage(browser, 4000);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        if (forReadme) {
            Files.write(README_IMAGES.resolve(name + ".png"), png);
        }
    }
}
