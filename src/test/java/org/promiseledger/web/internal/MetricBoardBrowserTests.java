package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The metric views in a real headless Chromium, on the hand-worked small company (src/test/resources/jobs/small,
 * HAND-WORKED.md): the heatmap read cell by cell through its text alternative against what the run stored, the
 * filters narrowing the table, the department tree and its trends, and every role's menu holding only links that
 * open. Screenshots land in target/screenshots/.
 */
@WebFunctionalTest
@ExtendWith(ChromeAvailable.class)
class MetricBoardBrowserTests {

    /** A cell's words: "NPS of department D2 …: attainment 1.1250; value 25.0000, sample 20, OK". */
    private static final Pattern SCORED = Pattern.compile(
            "(\\w+) of (.+): attainment (\\S+); value (\\S+), sample (\\d+), (OK|INSUFFICIENT)(; uses the company attainment)?");
    private static final Pattern UNSCORED = Pattern.compile("(\\w+) of (.+): not scored; value (\\S+), sample (\\d+), (OK|INSUFFICIENT)");
    private static final Pattern UNMEASURED = Pattern.compile("(\\w+) of (.+): not measured for this scope");
    private static final Pattern CX = Pattern.compile("CX index of (.+): (\\d+\\.\\d{4})(; .+)?");

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunRegistry registry;

    long q3Run;

    @BeforeAll
    static void startChromium() throws IOException {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void loadQuarters(@Autowired QuarterlyRunner runner, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        users.save("nina", SmallCompanyQuarters.PASSWORD, AppRole.ANALYST, null); // an analyst with no pay of her own
        q3Run = registry.latestCalculated(SmallCompanyQuarters.Q3).orElseThrow().runId();
        chromium.on(port);
    }

    @Test
    void theHeatmapShowsTheStoredAttainmentOfEveryScopeAndMetricCellByCell() throws Exception {
        chromium.signIn("nina");
        chromium.open("/metrics?period=2026-Q3");
        assertThat(chromium.one("#heatmap").getDomAttribute("data-kind")).isEqualTo("DEPARTMENT");
        Map<String, Shown> department = heatmapCells();
        assertMatchesStoredMetrics(department, "DEPARTMENT");
        chromium.screenshot("20-metrics-heatmap-departments");

        // hand-worked (HAND-WORKED.md): D2's FCR rests on 2 contacts, so it borrows the company's 1.25
        WebElement d2Fcr = cell("DEPARTMENT", "D2", "FCR");
        assertThat(alt(d2Fcr)).isEqualTo("FCR of department D2 Retail, phone & branches: attainment 1.2500; value 50.0000,"
                + " sample 2, INSUFFICIENT; uses the company attainment");
        assertThat(d2Fcr.getDomAttribute("title")).as("the same words on hover").isEqualTo(alt(d2Fcr));
        assertThat(department.get("DEPARTMENT|D2|FCR").visible()).isEqualTo("1.25*↩");
        assertThat(d2Fcr.getDomAttribute("class")).contains("heat-13", "thin", "borrowed");
        WebElement d10Nps = cell("DEPARTMENT", "D10", "NPS");
        assertThat(alt(d10Nps)).isEqualTo("NPS of department D10 Branch network: attainment 1.5000; value 65.0000, sample 20, OK");
        assertThat(d10Nps.getCssValue("background-color")).as("stretch is dark green").isEqualTo("rgba(0, 104, 55, 1)");
        assertThat(alt(cell("DEPARTMENT", "D4", "INTERNAL_SERVICE"))).contains(": attainment 0.8750; value 75.0000, sample 5, OK");
        assertThat(alt(cell("DEPARTMENT", "D10", "CX_INDEX"))).startsWith("CX index of department D10 Branch network: 1.0000; capped");
        assertThat(department.get("DEPARTMENT|D10|CX_INDEX").visible()).isEqualTo("1.00†");
        assertThat(alt(cell("COMPANY", "COMPANY", "INTERNAL_SERVICE"))).endsWith("not measured for this scope");

        chromium.submit(chromium.one("#heatmap-SUBTREE"));
        assertThat(chromium.driver.getCurrentUrl()).contains("heatmap=SUBTREE");
        assertThat(chromium.one("#heatmap").getDomAttribute("data-kind")).isEqualTo("SUBTREE");
        assertMatchesStoredMetrics(heatmapCells(), "SUBTREE");
        // the subtree of D2 counts D10's contacts too and uses D2's own FCR targets: 75 against 70/80/90
        assertThat(alt(cell("SUBTREE", "D2", "FCR"))).isEqualTo("FCR of subtree D2 Retail, phone & branches: attainment 0.7500;"
                + " value 75.0000, sample 12, OK");
        assertThat(cell("SUBTREE", "D2", "FCR").getDomAttribute("class")).contains("heat-08").doesNotContain("thin");
        chromium.screenshot("21-metrics-heatmap-subtrees");
    }

    @Test
    void theFiltersNarrowTheMetricTableWithoutScripts() throws Exception {
        chromium.signIn("nina");
        chromium.open("/metrics?period=2026-Q3");
        int all = count("SELECT COUNT(*) FROM department_metrics WHERE run_id = ?");
        assertThat(chromium.all("#metrics tbody tr")).hasSize(all);

        new Select(chromium.one("#filter-scope")).selectByValue("DEPARTMENT");
        new Select(chromium.one("#filter-status")).selectByValue("INSUFFICIENT");
        chromium.submit(chromium.one("#apply-filters"));
        List<WebElement> rows = chromium.all("#metrics tbody tr");
        assertThat(rows).hasSize(count("SELECT COUNT(*) FROM department_metrics WHERE run_id = ? AND scope = 'DEPARTMENT'"
                + " AND status = 'INSUFFICIENT'")).hasSizeLessThan(all);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.getDomAttribute("data-scope")).isEqualTo("DEPARTMENT");
            assertThat(r.findElement(By.cssSelector(".status-INSUFFICIENT")).getText()).isEqualTo("INSUFFICIENT");
        });
        assertThat(chromium.one("#metric-count").getText()).isEqualTo(rows.size() + " of " + all + " metric rows");
        chromium.screenshot("22-metrics-filtered-insufficient");

        new Select(chromium.one("#filter-department")).selectByValue("D2");
        new Select(chromium.one("#filter-metric")).selectByValue("FCR");
        chromium.submit(chromium.one("#apply-filters"));
        assertThat(chromium.all("#metrics tbody tr")).extracting(WebElement::getText)
                .containsExactly("DEPARTMENT D2 Retail, phone & branches FCR 50.0000 2 INSUFFICIENT 1.2500 COMPANY_FALLBACK");

        chromium.submit(chromium.one("#clear-filters"));
        assertThat(chromium.all("#metrics tbody tr")).hasSize(all);

        // a heatmap row heads its scope's metrics: a click lists them
        chromium.submit(chromium.one("#heatmap tr[data-department=D3] th a"));
        assertThat(chromium.all("#metrics tbody tr")).hasSize(8).allSatisfy(r -> assertThat(r.getDomAttribute("data-department"))
                .isEqualTo("D3"));
        // a heatmap column heads a metric: a click lists it for every department
        chromium.submit(chromium.one("#heatmap thead a[href*='metric=NPS']"));
        assertThat(chromium.all("#metrics tbody tr")).hasSize(count("SELECT COUNT(*) FROM department_metrics WHERE run_id = ?"
                + " AND scope = 'DEPARTMENT' AND metric = 'NPS'"));
    }

    @Test
    void theCxPageDrawsTheTreeWithEachDepartmentsIndexAndItsLastFourQuarters() throws Exception {
        chromium.signIn("ben");
        chromium.open("/cx?period=2026-Q3");
        for (String id : List.of("D1", "D2", "D10", "D3", "D4")) {
            WebElement node = chromium.one("#org-tree li[data-department=" + id + "] > .org-node");
            assertThat(alt(node.findElement(By.cssSelector(".chip.own")))).matches(CX)
                    .containsPattern(": " + Pattern.quote(stored("DEPARTMENT", id)) + "(;|$)");
            assertThat(alt(node.findElement(By.cssSelector(".chip.subtree")))).matches(CX)
                    .containsPattern(": " + Pattern.quote(stored("SUBTREE", id)) + "(;|$)");
            String trend = node.findElement(By.cssSelector("svg.spark")).getDomAttribute("aria-label");
            List<String> quarters = new ArrayList<>();
            for (var quarter : SmallCompanyQuarters.QUARTERS) {
                long run = registry.latestCalculated(quarter).orElseThrow().runId();
                quarters.add(quarter + " " + Formats.fourPlaces(jdbc.queryForObject("SELECT cx_index FROM cx_index WHERE run_id = ?"
                        + " AND scope = 'DEPARTMENT' AND department_id = ?", BigDecimal.class, run, id)));
            }
            assertThat(trend).endsWith("last four quarters: " + String.join(", ", quarters));
            assertThat(node.findElements(By.cssSelector("svg.spark circle"))).hasSize(4);
        }
        // the tree is drawn as a tree: D10 sits under D2, which sits under D1
        assertThat(chromium.all("#org-tree li[data-department=D1] li[data-department=D2] li[data-department=D10]")).hasSize(1);
        // ben is executive of D2: only its subtree's scorecards open from here
        assertThat(chromium.all("#org-tree a.org-name")).extracting(WebElement::getText)
                .containsExactly("D2 Retail, phone & branches", "D10 Branch network");
        assertThat(chromium.all("#ranking tbody tr svg.spark")).hasSize(5);
        assertMatchesStoredMetrics(heatmapCells(), "DEPARTMENT");
        chromium.screenshot("23-cx-tree-heatmap-trends");

        chromium.open("/cx?period=2026-Q3&heatmap=SUBTREE&metric=CONSISTENCY");
        assertThat(chromium.one("details.metric-details").getDomAttribute("open")).as("filtered: the table is shown").isNotNull();
        assertThat(chromium.all("#metrics tbody tr")).hasSize(count("SELECT COUNT(*) FROM department_metrics WHERE run_id = ?"
                + " AND metric = 'CONSISTENCY'"));
        assertMatchesStoredMetrics(heatmapCells(), "SUBTREE");
        chromium.screenshot("24-cx-subtree-heatmap-filtered-table");
    }

    @Test
    void eachRolesMenuHoldsOnlyLinksThatOpen() throws Exception {
        Map<String, List<String>> menus = new HashMap<>();
        menus.put("gus", List.of("nav-scorecard", "nav-queries"));                                     // STAFF: no reach
        menus.put("eve", List.of("nav-scorecard", "nav-people", "nav-queries"));                       // MANAGER of E7, E8
        menus.put("ben", List.of("nav-scorecard", "nav-people", "nav-departments", "nav-cx", "nav-queries"));
        menus.put("ana", List.of("nav-scorecard", "nav-departments", "nav-cx", "nav-metrics", "nav-rules", "nav-queries"));
        menus.put("nina", List.of("nav-departments", "nav-cx", "nav-metrics", "nav-rules"));           // no employee, no reach
        menus.put("hana", List.of("nav-scorecard", "nav-people", "nav-departments", "nav-cx", "nav-runs", "nav-run-quarter", "nav-integrity", "nav-adjustments", "nav-tokens",
                "nav-metrics", "nav-rules", "nav-queries", "nav-audit", "nav-users"));
        menus.put(SmallCompanyQuarters.LAUNCHED_BY, List.of("nav-people", "nav-departments", "nav-cx", "nav-runs", "nav-run-quarter", "nav-integrity", "nav-adjustments", "nav-tokens",
                "nav-metrics", "nav-rules", "nav-queries", "nav-audit", "nav-users"));
        menus.put("olga", List.of("nav-people", "nav-departments", "nav-cx", "nav-runs", "nav-integrity", "nav-adjustments", "nav-tokens", "nav-metrics",
                "nav-rules", "nav-queries", "nav-audit", "nav-views"));
        for (Map.Entry<String, List<String>> login : menus.entrySet()) {
            chromium.signIn(login.getKey());
            List<WebElement> links = chromium.all("header.top nav a");
            assertThat(links).as(login.getKey()).extracting(a -> a.getDomAttribute("id"))
                    .containsExactlyInAnyOrderElementsOf(login.getValue());
            Set<String> addresses = new LinkedHashSet<>();
            links.forEach(a -> addresses.add(a.getDomAttribute("href")));
            for (String address : addresses) {
                List<Object> answer = chromium.fetch(address);
                assertThat(((Number) answer.get(0)).intValue()).as(login.getKey() + " opens " + address).isEqualTo(200);
                assertThat((String) answer.get(1)).as(login.getKey() + " stays signed in at " + address).doesNotContain("/login");
            }
            if (login.getKey().equals("nina") || login.getKey().equals("gus")) {
                chromium.screenshot("25-menu-of-" + login.getKey());
            }
            chromium.signOut();
        }
    }

    /** A heatmap cell as the browser has it: its words (text alternative), hover title, classes and what it shows. */
    record Shown(String words, String title, String classes, String visible) {
    }

    /**
     * Every heatmap cell by scope|department|metric, read in one script (a round trip per cell would take seconds);
     * the hover title must say what the text alternative says.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Shown> heatmapCells() {
        List<List<String>> read = (List<List<String>>) chromium.driver.executeScript("""
                return Array.from(document.querySelectorAll('#heatmap tbody td')).map(td => [
                  td.parentElement.dataset.scope + '|' + td.parentElement.dataset.department + '|' + td.dataset.metric,
                  td.querySelector('.alt').textContent.trim(), td.getAttribute('title'), td.className,
                  td.querySelector('[aria-hidden]').innerText.trim()]);""");
        Map<String, Shown> cells = new HashMap<>();
        for (List<String> cell : read) {
            Shown shown = new Shown(cell.get(1), cell.get(2), cell.get(3), cell.get(4));
            assertThat(shown.title()).as(cell.get(0)).isEqualTo(shown.words());
            cells.put(cell.get(0), shown);
        }
        return cells;
    }

    /** The company row and every department of the kind: each stored metric, attainment, value, sample, status, colour. */
    private void assertMatchesStoredMetrics(Map<String, Shown> cells, String kind) {
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT m.scope, m.department_id, m.metric, m.value, m.sample_size, m.status, a.attainment, a.basis
                FROM department_metrics m
                LEFT JOIN metric_attainment a ON a.run_id = m.run_id AND a.scope = m.scope AND a.department_id = m.department_id
                     AND a.metric = m.metric
                WHERE m.run_id = ? AND m.scope IN ('COMPANY', ?)""", q3Run, kind);
        int departments = count("SELECT COUNT(*) FROM in_department WHERE run_id = ?");
        assertThat(chromium.all("#heatmap tbody tr")).hasSize(1 + departments);
        assertThat(stored).hasSize(7 + 8 * departments);
        for (Map<String, Object> m : stored) {
            String key = m.get("scope") + "|" + m.get("department_id") + "|" + m.get("metric");
            assertThat(cells).as(key).containsKey(key);
            String words = cells.get(key).words();
            BigDecimal attainment = (BigDecimal) m.get("attainment");
            Matcher match = (attainment == null ? UNSCORED : SCORED).matcher(words);
            assertThat(match.matches()).as(key + ": " + words).isTrue();
            assertThat(match.group(1)).isEqualTo(m.get("metric"));
            int at = attainment == null ? 3 : 4;
            if (attainment != null) {
                assertThat(new BigDecimal(match.group(3))).as(key).isEqualByComparingTo(attainment.setScale(4, RoundingMode.HALF_EVEN));
                assertThat(match.group(7) != null).as(key + " fallback").isEqualTo("COMPANY_FALLBACK".equals(m.get("basis")));
                int step = Math.min(15, attainment.movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValue());
                assertThat(cells.get(key).classes()).as(key).contains(String.format("heat-%02d", step));
                assertThat(cells.get(key).visible()).as(key).startsWith(attainment.setScale(2, RoundingMode.HALF_EVEN).toPlainString());
            }
            BigDecimal value = (BigDecimal) m.get("value");
            assertThat(match.group(at)).as(key).isEqualTo(value == null ? "—" : value.setScale(4, RoundingMode.HALF_EVEN).toPlainString());
            assertThat(Long.parseLong(match.group(at + 1))).as(key).isEqualTo(((Number) m.get("sample_size")).longValue());
            assertThat(match.group(at + 2)).as(key).isEqualTo(m.get("status"));
        }
        // the company has no INTERNAL_SERVICE: said so, not left silent
        assertThat(cells.get("COMPANY|COMPANY|INTERNAL_SERVICE").words()).matches(UNMEASURED);
        for (Map<String, Object> cx : jdbc.queryForList("SELECT scope, department_id, cx_index FROM cx_index WHERE run_id = ?"
                + " AND scope IN ('COMPANY', ?)", q3Run, kind)) {
            String words = cells.get(cx.get("scope") + "|" + cx.get("department_id") + "|CX_INDEX").words();
            Matcher match = CX.matcher(words);
            assertThat(match.matches()).as(words).isTrue();
            assertThat(match.group(2)).isEqualTo(Formats.fourPlaces((BigDecimal) cx.get("cx_index")));
        }
        assertThat(cells).hasSize((1 + departments) * 9);
    }

    private WebElement cell(String scope, String department, String metric) {
        return chromium.one("#heatmap tr[data-scope=" + scope + "][data-department=" + department + "] td[data-metric=" + metric + "]");
    }

    private static String alt(WebElement element) {
        return element.findElement(By.cssSelector(".alt")).getDomProperty("textContent").strip();
    }

    private String stored(String scope, String department) {
        return Formats.fourPlaces(jdbc.queryForObject("SELECT cx_index FROM cx_index WHERE run_id = ? AND scope = ?"
                + " AND department_id = ?", BigDecimal.class, q3Run, scope, department));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, q3Run);
    }
}
