package org.promiseledger.web.internal;

import org.promiseledger.web.DemoUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.ReviewedSignal;
import org.promiseledger.metrics.Counter;
import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.MetricCountStore;
import org.promiseledger.metrics.MetricFormulas;
import org.promiseledger.metrics.NpsInterval;
import org.promiseledger.metrics.ScopeCounts;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** What the pages show, checked against what the run stored; and the writes HR and employees make through them. */
@WebFunctionalTest
class ScorecardPagesTests {

    private static final Period Q2 = Period.parse("2026-Q2");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RunRegistry registry;

    @Autowired
    DatabaseUserDetailsService logins;

    @Autowired
    Formats fmt;

    long q3Run;

    @BeforeEach
    void loadQuarters(@Autowired QuarterlyRunner runner, @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        q3Run = registry.latestCalculated(SmallCompanyQuarters.Q3).orElseThrow().runId();
    }

    @Test
    void showsThePayoutAndEveryComponentWithTheFiguresTheLedgerHolds() throws Exception {
        Document page = page("/scorecards/E2?period=2026-Q3", "ben");

        Map<String, Object> payout = jdbc.queryForMap("SELECT target_bonus, score, amount FROM payout WHERE run_id = ?"
                + " AND employee_id = 'E2'", q3Run);
        assertThat(page.getElementById("amount").text()).isEqualTo("60,395.62").isEqualTo(fmt.money((BigDecimal) payout.get("amount")));
        assertThat(page.getElementById("score").text()).isEqualTo("1.1184");
        assertThat(page.getElementById("target-bonus").text()).isEqualTo("54,000.00");
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT component, weight, attainment, contribution FROM payout_line"
                + " WHERE run_id = ? AND employee_id = 'E2' ORDER BY seq", q3Run);
        assertThat(lines).extracting(l -> l.get("component")).containsExactly("COMPANY_CX", "SUBTREE_CX", "INDIVIDUAL");
        for (Map<String, Object> line : lines) {
            Element row = page.selectFirst("#components tr[data-component=" + line.get("component") + "]");
            assertThat(row.selectFirst(".weight").text()).isEqualTo(fmt.four((BigDecimal) line.get("weight")));
            assertThat(row.selectFirst(".attainment").text()).isEqualTo(fmt.four((BigDecimal) line.get("attainment")));
            assertThat(row.selectFirst(".contribution").text()).isEqualTo(fmt.four((BigDecimal) line.get("contribution")));
            assertThat(row.text()).as("the weighing rule is quoted").contains("“Each role weighs its scorecard components”");
        }
    }

    @Test
    void quotesEveryRuleThatDecidedThePayoutInItsOwnWords() throws Exception {
        Document page = page("/scorecards/E2?period=2026-Q3", "ben");

        List<String> decisions = jdbc.queryForList("SELECT decision FROM rule_trail WHERE run_id = ? AND subject = 'EMPLOYEE E2'"
                + " ORDER BY id", String.class, q3Run);
        assertThat(decisions).isNotEmpty();
        assertThat(page.select("#payout-trail li")).extracting(Element::text)
                .allSatisfy(text -> assertThat(text).startsWith("“"))
                .hasSize(decisions.size());
        decisions.forEach(d -> assertThat(page.getElementById("payout-trail").text()).contains(d));
    }

    @Test
    void showsEachMetricWithSampleTargetsAttainmentAndStatusAndTheFallbackOfAnInsufficientOne() throws Exception {
        // E9 sits in D2, whose FCR has 2 answers (min-sample 3): INSUFFICIENT, scored on the company's FCR attainment
        Document page = page("/scorecards/E9?period=2026-Q3", "hana");

        Element fcr = page.selectFirst("#scope-DEPARTMENT-D2 tr[data-metric=FCR]");
        BigDecimal companyFcr = jdbc.queryForObject("SELECT attainment FROM metric_attainment WHERE run_id = ? AND scope = 'COMPANY'"
                + " AND metric = 'FCR'", BigDecimal.class, q3Run);
        assertThat(fcr.selectFirst(".metric-value").text()).isEqualTo("50.0000");
        assertThat(fcr.selectFirst(".metric-sample").text()).isEqualTo("2");
        assertThat(fcr.text()).contains("INSUFFICIENT").contains("uses the company attainment " + fmt.four(companyFcr));
        assertThat(fcr.selectFirst(".metric-attainment").text()).isEqualTo(fmt.four(companyFcr));
        Element nps = page.selectFirst("#scope-DEPARTMENT-D2 tr[data-metric=NPS]");
        assertThat(nps.select("td").get(3).text()).as("threshold from targets.csv").isNotEqualTo("—");
        assertThat(nps.text()).contains("OK").contains("on the threshold-target-stretch curve");
    }

    @Test
    void saysHowADepartmentWithoutTouchpointsWasScored() throws Exception {
        // D1 owns no touchpoint and has 2 internal answers: the company's CX index; D4 has enough: its internal service
        Element d1 = page("/scorecards/E12?period=2026-Q3", "hana").getElementById("scope-DEPARTMENT-D1");
        Element d4 = page("/scorecards/E11?period=2026-Q3", "hana").getElementById("scope-DEPARTMENT-D4");

        assertThat(d1.selectFirst(".sub").text())
                .isEqualTo("How: no touchpoints and too few internal service answers: the company's CX index");
        assertThat(d1.selectFirst(".cx-index").text()).isEqualTo("1.1969");
        assertThat(d4.selectFirst(".sub").text())
                .isEqualTo("How: no touchpoints of its own: the attainment of its internal service (INTERNAL_SERVICE)");
        assertThat(d4.selectFirst(".cx-index").text()).isEqualTo("0.8750");
    }

    @Test
    void showsNpsWithItsNinetyPercentIntervalFromTheAnswerCounts() throws Exception {
        Document page = page("/scorecards/E2?period=2026-Q3", "ben");

        Map<String, Object> counts = jdbc.queryForMap("SELECT COUNT(nps) n, SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) p,"
                + " SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) d FROM in_survey WHERE run_id = ?", q3Run);
        long n = ((Number) counts.get("n")).longValue();
        long promoters = ((Number) counts.get("p")).longValue();
        long detractors = ((Number) counts.get("d")).longValue();
        BigDecimal storedNps = jdbc.queryForObject("SELECT value FROM department_metrics WHERE run_id = ? AND scope = 'COMPANY'"
                + " AND metric = 'NPS'", BigDecimal.class, q3Run);
        assertThat(fmt.four(BigDecimal.valueOf((promoters - detractors) * 100.0 / n)))
                .as("the counts are the ones the stored NPS came from").isEqualTo(fmt.four(storedNps));
        NpsInterval expected = NpsInterval.of(promoters, detractors, n);
        Element interval = page.selectFirst("#scope-COMPANY-COMPANY tr[data-metric=NPS] .nps-interval");
        assertThat(interval.selectFirst(".nps-low").text()).isEqualTo(fmt.four(expected.low()));
        assertThat(interval.selectFirst(".nps-high").text()).isEqualTo(fmt.four(expected.high()));
        assertThat(interval.selectFirst(".nps-change").text()).startsWith("last quarter ").contains("90 % interval");
    }

    @Test
    void everyScopesStoredCountsAreTheOnesItsStoredMetricsCameFrom(@Autowired DepartmentMetricStore metrics,
            @Autowired MetricCountStore counts) {
        List<DepartmentMetric> rows = metrics.metricsOf(q3Run);
        assertThat(rows).isNotEmpty();
        for (DepartmentMetric row : rows) {
            ScopeCounts c = counts.countsOf(q3Run, row.scope());
            String what = row.metric() + " of " + row.scope().label();
            switch (row.metric()) {
                case NPS -> {
                    assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.NPS_ANSWERS));
                    if (row.value() != null) {
                        assertThat(row.value()).as(what).isEqualTo(MetricFormulas.nps(c.get(Counter.PROMOTERS),
                                c.get(Counter.DETRACTORS), c.get(Counter.NPS_ANSWERS)));
                    }
                }
                case CSAT -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.CSAT_ANSWERS));
                case CES -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.EFFORT_ANSWERS));
                case FCR -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.CONTACTS));
                case COMPLAINT_RATE -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.CUSTOMERS_TOUCHED));
                case INTERNAL_SERVICE -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(Counter.INTERNAL_ANSWERS));
                case RETENTION -> assertThat(row.sampleSize()).as(what).isEqualTo(c.get(row.scope().equals(ScopeRef.COMPANY)
                        ? Counter.ACTIVE_AT_START : Counter.TOUCHED_OR_CHURNED));
                case CONSISTENCY -> assertThat(c.channelCsat().values().stream().mapToLong(a -> a[0]).sum()).as(what)
                        .isEqualTo(c.get(Counter.CSAT_ANSWERS));
            }
        }
    }

    @Test
    void showsTheMomentOfTruthChecksAndTheCustomerGate() throws Exception {
        Document page = page("/scorecards/E2?period=2026-Q3", "ben");

        List<String> fired = jdbc.queryForList("SELECT touchpoint_id FROM mot_check WHERE run_id = ? AND fired = TRUE"
                + " AND owner_department_id IN ('D2', 'D10')", String.class, q3Run);
        assertThat(fired).isNotEmpty();
        Element subtree = page.getElementById("scope-SUBTREE-D2");
        assertThat(subtree.select(".moments td.fired")).hasSize(fired.size())
                .allSatisfy(td -> assertThat(td.text()).contains("capped at 1.0"));
        assertThat(subtree.text()).contains("capped at 1.0 because a moment-of-truth touchpoint it owns failed its check");
        assertThat(page.getElementById("gate").text()).startsWith("Customer gate open: company NPS attains");
        assertThat(page("/scorecards/E7?period=2026-Q3", "gus").getElementById("gate").text())
                .startsWith("The customer gate does not apply to this employee");
    }

    @Test
    void drawsTheLastFourQuartersFromTheWebjarNotACdn() throws Exception {
        Document page = page("/scorecards/E7?period=2026-Q3", "gus");

        assertThat(page.select("script[src]")).extracting(s -> s.attr("src"))
                .satisfiesExactly(s -> assertThat(s).startsWith("/webjars/chart.js/").endsWith("/dist/chart.umd.js"),
                        s -> assertThat(s).isEqualTo("/js/line-chart.js"));
        String chart = page.getElementById("trend-chart").attr("data-chart");
        assertThat(chart).contains("\"labels\":[\"2025-Q4\",\"2026-Q1\",\"2026-Q2\",\"2026-Q3\"]").contains("Your score");
        BigDecimal score = jdbc.queryForObject("SELECT score FROM payout WHERE run_id = ? AND employee_id = 'E7'", BigDecimal.class, q3Run);
        assertThat(chart).contains(fmt.four(score));
        assertThat(page.select("#trend tbody tr")).hasSize(4);
        int status = mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void writesAPdfStatementWithTheSameFigures() throws Exception {
        byte[] pdf = mvc.perform(get("/scorecards/E7/statement.pdf?period=2026-Q3").with(as("gus"))).andReturn().getResponse()
                .getContentAsByteArray();

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = pdfText(pdf);
        assertThat(text).contains("E7").contains("2026-Q3").contains("4,415.19 EUR").contains("1.0769")
                .contains("Each role weighs its scorecard components");
    }

    @Test
    void aPersonQueriesALineOfTheirScorecardAndHrAnswersAndBothAreKept() throws Exception {
        int forSomeoneElse = mvc.perform(post("/scorecards/E8/queries").with(as("hana")).with(csrf()).param("period", "2026-Q3")
                .param("line", "COMPONENT:INDIVIDUAL").param("body", "HR cannot query for someone else")).andReturn()
                .getResponse().getStatus();
        assertThat(forSomeoneElse).isEqualTo(403);
        mvc.perform(post("/scorecards/E11/queries").with(as("hana")).with(csrf()).param("period", "2026-Q3")
                .param("line", "COMPONENT:INDIVIDUAL").param("body", "My productivity was 100.1, not 99.9: please check."));
        long queryId = jdbc.queryForObject("SELECT MAX(id) FROM scorecard_query WHERE employee_id = 'E11' AND kind = 'QUERY'", Long.class);

        mvc.perform(post("/queries/" + queryId + "/answers").with(as("hr.alice")).with(csrf())
                .param("body", "Checked with the sales ledger: 99.9 stands."));

        Element query = page("/scorecards/E11?period=2026-Q3", "hana").getElementById("query-" + queryId);
        assertThat(query.text()).contains("Individual results (sales and productivity)")
                .contains("My productivity was 100.1, not 99.9: please check.").contains("answered");
        assertThat(query.selectFirst(".answer").text()).contains("hr.alice").contains("Checked with the sales ledger: 99.9 stands.");
        assertThat(page("/queries", "olga").getElementById("query-" + queryId).text()).contains("99.9 stands");
        assertThat(jdbc.queryForList("SELECT kind FROM scorecard_query WHERE id = ? OR in_reply_to = ? ORDER BY id", String.class,
                queryId, queryId)).containsExactly("QUERY", "ANSWER");
    }

    @Test
    void refusesAQueryOnALineThatIsNotOnTheScorecardOrWithoutWords() throws Exception {
        int notALine = mvc.perform(post("/scorecards/E7/queries").with(as("gus")).with(csrf()).param("period", "2026-Q3")
                .param("line", "METRIC:DEPARTMENT:D3:NPS").param("body", "?")).andReturn().getResponse().getStatus();
        int empty = mvc.perform(post("/scorecards/E7/queries").with(as("gus")).with(csrf()).param("period", "2026-Q3")
                .param("line", "PAYOUT").param("body", "   ")).andReturn().getResponse().getStatus();

        assertThat(notALine).isEqualTo(400);
        assertThat(empty).isEqualTo(400);
    }

    @Test
    void approvalNeedsFourEyesAndReviewedSignalsAndThenThePayrollCanBeExported(@Autowired IntegrityReviews integrity)
            throws Exception {
        long q2Run = registry.latestCalculated(Q2).orElseThrow().runId();

        String refused = mvc.perform(post("/runs/2026-Q2/approve").with(as("hr.alice")).with(csrf())).andReturn()
                .getFlashMap().get("refusal").toString();
        assertThat(refused).contains("four eyes");
        assertThat(registry.find(q2Run).orElseThrow().state()).isEqualTo(RunState.CALCULATED);

        // the small company's quarters have score-integrity signals at min-sample 3 (answers bunched at quarter end):
        // approval waits until each is reviewed on the Integrity page
        List<ReviewedSignal> signals = integrity.reviewedSignalsOf(registry.find(q2Run).orElseThrow());
        assertThat(signals).isNotEmpty();
        String waiting = mvc.perform(post("/runs/2026-Q2/approve").with(as("hana")).with(csrf())).andReturn()
                .getFlashMap().get("refusal").toString();
        assertThat(waiting).contains(signals.size() + " integrity signal");
        Document integrityPage = page("/integrity?period=2026-Q2", "olga");
        assertThat(integrityPage.select("#integrity-signals tbody tr")).hasSize(signals.size());
        assertThat(integrityPage.select("#integrity-signals .review-status")).extracting(Element::text).containsOnly("OPEN");
        for (ReviewedSignal s : signals) {
            String done = mvc.perform(post("/integrity/2026-Q2/reviews").with(as("hana")).with(csrf())
                    .param("touchpoint", s.finding().touchpointId()).param("signal", s.finding().signal().name())
                    .param("decision", "CLEARED").param("reason", "survey invitations go out in a monthly batch"))
                    .andReturn().getFlashMap().get("message").toString();
            assertThat(done).contains("marked CLEARED by hana");
        }
        assertThat(page("/integrity?period=2026-Q2", "olga").select("#integrity-signals .review-status")).extracting(Element::text)
                .allMatch(status -> status.startsWith("CLEARED by hana"));

        mvc.perform(post("/runs/2026-Q2/approve").with(as("hana")).with(csrf()));
        assertThat(registry.find(q2Run).orElseThrow().state()).isEqualTo(RunState.APPROVED);
        assertThat(page("/runs", "olga").selectFirst("#runs tr[data-run=" + q2Run + "] .run-state").text()).isEqualTo("APPROVED");

        String payroll = mvc.perform(post("/runs/2026-Q2/payroll").with(as("hana")).with(csrf())).andReturn().getResponse()
                .getContentAsString();
        assertThat(payroll.lines().findFirst()).hasValue("period,employee_id,net_amount,currency,run_id,rule_set_version");
        assertThat(payroll.lines()).hasSize(13);
        assertThat(registry.find(q2Run).orElseThrow().state()).isEqualTo(RunState.EXPORTED);
    }

    @Test
    void downloadsTheSameCsvExportsAsTheCommandLine(@Autowired CsvExports exports, @TempDir Path dir) throws Exception {
        exports.payouts(SmallCompanyQuarters.Q3, dir.resolve("payouts.csv"));

        String downloaded = mvc.perform(get("/runs/2026-Q3/exports/payouts.csv").with(as("olga"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(downloaded).isEqualTo(Files.readString(dir.resolve("payouts.csv")));
    }

    @Test
    void executivesSeeTheirSubtreesDepartmentsTheRankingAndTheCompanyTrend() throws Exception {
        assertThat(page("/departments?period=2026-Q3", "ben").select("#departments tbody tr")).extracting(Element::text)
                .hasSize(2).allSatisfy(t -> assertThat(t).containsAnyOf("D2 ", "D10 "));
        Document cx = page("/cx?period=2026-Q3", "ben");
        assertThat(cx.select("#ranking tbody tr")).extracting(r -> r.attr("data-department"))
                .containsExactly("D2", "D1", "D3", "D10", "D4");
        assertThat(cx.select("#company-trend tbody tr")).hasSize(4);
        assertThat(cx.getElementById("company-cx").text()).isEqualTo("1.1969");
        assertThat(cx.select("#ranking a")).extracting(Element::text).containsExactly("D2 Retail, phone & branches", "D10 Branch network");
        Document d10 = page("/departments/D10?period=2026-Q3", "ben");
        assertThat(d10.selectFirst("#scope-DEPARTMENT-D10 .cx-index").text()).isEqualTo("1.0000");
    }

    @Test
    void listsOnlyThePeopleWhosePayTheLoginMaySee() throws Exception {
        assertThat(page("/people?period=2026-Q3", "eve").select("#people tbody tr td:first-child")).extracting(Element::text)
                .containsExactly("E5", "E7", "E8");
        assertThat(page("/people?period=2026-Q3", "ana").select("#people tbody tr td:first-child")).extracting(Element::text)
                .containsExactly("E10");
        assertThat(page("/people?period=2026-Q3", "olga").select("#people tbody tr")).hasSize(12);
    }

    @Test
    void createsDemoLoginsWhoseReachDiffers(@Autowired DemoUsers demo) throws Exception {
        List<DemoUsers.DemoLogin> created = demo.createFor(SmallCompanyQuarters.Q3);

        assertThat(created).extracting(DemoUsers.DemoLogin::username, DemoUsers.DemoLogin::employeeId).containsExactly(
                tuple("exec", "E2"), tuple("manager", "E5"),
                tuple("staff", "E7"), tuple("hr", null),
                tuple("auditor", null), tuple("analyst", null));
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'exec'", String.class);
        assertThat(hash).startsWith("$2a$").doesNotContain(DemoUsers.PASSWORD);
        int signedIn = mvc.perform(post("/login").with(csrf()).param("username", "exec").param("password", DemoUsers.PASSWORD))
                .andReturn().getResponse().getStatus();
        assertThat(signedIn).isEqualTo(302);
        assertThat(mvc.perform(post("/login").with(csrf()).param("username", "exec").param("password", "wrong")).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    private Document page(String path, String login) throws Exception {
        String html = mvc.perform(get(path).with(as(login))).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private RequestPostProcessor as(String login) {
        return user(logins.loadUserByUsername(login));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
