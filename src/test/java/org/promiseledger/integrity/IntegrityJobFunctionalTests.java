package org.promiseledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.integrity.internal.IntegritySignalStore;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunApproval;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.support.CsvFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The integrity step of the real quarterly job, on H2 and on MariaDB (min-sample 30, the shipped value). Each test
 * uses its own year and touchpoint prefix: the database is shared by the class. Q3 has D = 92 days, so the last 14 days
 * are expected to hold 14/92 = 15.2 % of the answers. The z values are worked out in SignalRulesTests; here the
 * database must count the same hand-built rows.
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false"})
abstract class IntegrityJobFunctionalTests {

    static final Path RULES = Path.of("rules");
    static final String[] COLUMNS = {"period", "touchpoint_id", "department_id", "signal", "statistic", "p_value"};

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    IntegrityExport export;

    @Autowired
    CsvExports exports;

    @Autowired
    IntegrityReviews reviews;

    @Autowired
    RunApproval approval;

    @MockitoSpyBean
    IntegritySignalStore store;

    @Autowired
    AuditLog audit;

    @TempDir
    Path temp;

    /**
     * The previous quarter: 20 of 100 NPS answers at TS are a 10. This quarter: TS 45 of 100 (TOP_BOX_SURGE, z = 3.7743);
     * SEL: 40 customers answered once and made one contact each, 32 resolved first time, and 60 other customers' contacts
     * resolved 18 times, so 32/40 = 80 % against 50/100 = 50 % (SELECTIVE_SURVEYING, z = 3.2553); REP: one customer
     * answered 4 times among 36 single answers, 4/40 = 10 % (REPEAT_RESPONDENTS); BUN: 69 answers earlier in the
     * quarter and 31 in the last 14 days, one of them written at -05:00 at exactly the first instant of the last 14 days
     * (19:00 local the day before): 31/100 ≥ 2 × 14/92 (END_OF_QUARTER_BUNCHING, z = 4.3940).
     */
    static GamedInput[] gamed(String p, Period quarter) {
        GamedInput before = new GamedInput(quarter.previous()).touchpoint(p + "TS").early(p + "TS", 100, 20, 8);
        GamedInput now = new GamedInput(quarter).touchpoint(p + "TS").touchpoint(p + "SEL").touchpoint(p + "REP")
                .touchpoint(p + "BUN");
        now.early(p + "TS", 100, 45, 8);
        for (int i = 0; i < 40; i++) {
            now.survey(p + "SEL-C" + i, p + "SEL", now.early(i), 8).contact(p + "SEL-C" + i, p + "SEL", i, i < 32);
        }
        for (int i = 0; i < 60; i++) {
            now.contact(p + "SEL-N" + i, p + "SEL", i, i < 18);
        }
        for (int i = 0; i < 4; i++) {
            now.survey(p + "REP-R", p + "REP", now.early(i), 9);
        }
        now.early(p + "REP", 36, 0, 9);
        now.early(p + "BUN", 69, 0, 7).late(p + "BUN", 30, 7)
                .survey(p + "BUN-Y", p + "BUN", GamedInput.inOffset(now.lastDays(), "-05:00"), 7);
        return new GamedInput[] {before, now};
    }

    @Test
    void findsEachSignalOnTheHandBuiltQuarterAndExportsItsStatisticAndPValue() throws Exception {
        Period q3 = Period.parse("2021-Q3");
        GamedInput[] input = gamed("A-", q3);
        run(q3.previous(), input[0], "prev");
        run(q3, input[1], "now");

        Path out = temp.resolve("integrity.csv");
        export.export(q3, out);

        assertThat(CsvFiles.rows(out, COLUMNS)).containsExactly(
                "2021-Q3,A-BUN,D3,END_OF_QUARTER_BUNCHING,4.3940,0.000006",
                "2021-Q3,A-REP,D3,REPEAT_RESPONDENTS,0.1000,",
                "2021-Q3,A-SEL,D3,SELECTIVE_SURVEYING,3.2553,0.000566",
                "2021-Q3,A-TS,D3,TOP_BOX_SURGE,3.7743,0.000080");
        assertThat(CsvFiles.rows(out, "detail")).containsExactly(
                "31 % of answers (31 of 100) came in the quarter's last 14 days, against 15 % expected (14 of 92 days); z = 4.39.",
                "10 % of answers (4 of 40) came from 1 customer who answered 4 times or more this quarter; the limit is 10 %.",
                "Customers who answered a survey had 80 % of their contacts resolved first time (32 of 40), against 50 % of"
                        + " all contacts (50 of 100); z = 3.26.",
                "45 % of answers were a 10 (45 of 100), against 20 % in 2021-Q2 (20 of 100); z = 3.77.");
    }

    /**
     * One count under each threshold: TS 40 of 100 tens (z = 3.0861 < 3.09); SEL 31 of 40 against 49 of 100
     * (z = 3.0784); REP 4 of 41 answers (9.8 %); BUN 30 of 100 in the last 14 days (0.30 < 2 × 14/92 = 0.3043, though
     * z = 4.1155), with one more answer written at +02:00 a minute before the last 14 days begin (01:59 local on
     * their first day), which must not count as late.
     */
    @Test
    void staysSilentJustUnderEachThreshold() throws Exception {
        String p = "B-";
        Period q3 = Period.parse("2022-Q3");
        GamedInput before = new GamedInput(q3.previous()).touchpoint(p + "TS").early(p + "TS", 100, 20, 8);
        GamedInput now = new GamedInput(q3).touchpoint(p + "TS").touchpoint(p + "SEL").touchpoint(p + "REP")
                .touchpoint(p + "BUN");
        now.early(p + "TS", 100, 40, 8);
        for (int i = 0; i < 40; i++) {
            now.survey(p + "SEL-C" + i, p + "SEL", now.early(i), 8).contact(p + "SEL-C" + i, p + "SEL", i, i < 31);
        }
        for (int i = 0; i < 60; i++) {
            now.contact(p + "SEL-N" + i, p + "SEL", i, i < 18);
        }
        for (int i = 0; i < 4; i++) {
            now.survey(p + "REP-R", p + "REP", now.early(i), 9);
        }
        now.early(p + "REP", 37, 0, 9);
        now.early(p + "BUN", 69, 0, 7).late(p + "BUN", 30, 7)
                .survey(p + "BUN-X", p + "BUN", GamedInput.inOffset(now.lastDays().minusSeconds(60), "+02:00"), 7);
        run(q3.previous(), before, "prev");
        run(q3, now, "now");

        Path out = temp.resolve("integrity.csv");
        assertThat(export.export(q3, out).rows()).isZero();
        assertThat(CsvFiles.rows(out)).isEmpty();
    }

    @Test
    void aTouchpointNewThisQuarterHasNoTopBoxSurge() throws Exception {
        Period q3 = Period.parse("2020-Q3");
        run(q3.previous(), new GamedInput(q3.previous()).touchpoint("N-OLD").early("N-OLD", 100, 0, 8), "prev");
        GamedInput now = new GamedInput(q3).touchpoint("N-OLD").touchpoint("N-TS").early("N-TS", 100, 90, 8);
        run(q3, now, "now");

        assertThat(export.export(q3, temp.resolve("integrity.csv")).rows()).isZero();
    }

    @Test
    void approvalWaitsForEveryReviewAndAnExclusionChangesTheNextRunAsRemovingTheRowsWould() throws Exception {
        Period q3 = Period.parse("2023-Q3");
        GamedInput[] input = gamed("C-", q3);
        run(q3.previous(), input[0], "prev");
        Path data = input[1].writeTo(temp.resolve("now"));
        RunOutcome first = runner.run(q3, data, RULES, "hr.alice");
        assertThat(first.exitCode()).as(String.join("\n", first.messages())).isZero();

        ActionOutcome refused = approval.approve(q3, "hr.bob");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.message()).startsWith("4 integrity signals are open in run " + first.runId());
        assertThat(reviews.review(q3, "C-TS", Signal.TOP_BOX_SURGE, Decision.CLEARED, "campaign", "hr.alice").message())
                .startsWith("four eyes");
        assertThat(reviews.review(q3, "C-TS", Signal.TOP_BOX_SURGE, Decision.CLEARED, " ", "hr.bob").exitCode()).isEqualTo(2);
        assertThat(reviews.review(q3, "C-XX", Signal.TOP_BOX_SURGE, Decision.CLEARED, "x", "hr.bob").exitCode()).isEqualTo(2);

        review(q3, "C-TS", Signal.TOP_BOX_SURGE, Decision.CLEARED);
        review(q3, "C-SEL", Signal.SELECTIVE_SURVEYING, Decision.CLEARED);
        review(q3, "C-REP", Signal.REPEAT_RESPONDENTS, Decision.CLEARED);
        assertThat(approval.approve(q3, "hr.bob").message()).startsWith("1 integrity signal is open");
        review(q3, "C-BUN", Signal.END_OF_QUARTER_BUNCHING, Decision.EXCLUDED);
        assertThat(approval.approve(q3, "hr.bob").message()).contains("C-BUN were EXCLUDED").contains("again");

        RunOutcome second = runner.run(q3, data, RULES, "hr.alice");
        assertThat(second.exitCode()).as(String.join("\n", second.messages())).isZero();
        ActionOutcome approved = approval.approve(q3, "hr.bob");
        assertThat(approved.exitCode()).as(approved.message()).isZero();

        // The same quarter's rows without C-BUN's surveys, in another year of the same length (92 days).
        Period other = Period.parse("2024-Q3");
        GamedInput without = gamed("C-", other)[1];
        without.dropSurveysOf("C-BUN");
        run(other, without, "without");
        Path excludedMetrics = temp.resolve("excluded.csv");
        Path withoutMetrics = temp.resolve("without.csv");
        exports.metrics(q3, excludedMetrics);
        exports.metrics(other, withoutMetrics);
        String[] metricColumns = {"scope", "department_id", "metric", "value", "sample_size", "status"};
        List<String> excluded = CsvFiles.rows(excludedMetrics, metricColumns);
        assertThat(excluded).containsExactlyElementsOf(CsvFiles.rows(withoutMetrics, metricColumns));

        // and it did change something: the first run counted C-BUN's 100 answers
        assertThat(jdbcMetric(first.runId(), "NPS")).isNotEqualTo(jdbcMetric(second.runId(), "NPS"));
        assertThat(reviews.exclusionsOf(runOf(second))).extracting(Review::touchpointId).containsExactly("C-BUN");
        assertThat(audit.entries("2023-Q3")).extracting(AuditLog.Entry::action)
                .contains("INTEGRITY_REVIEW", "INTEGRITY_REVIEW_REFUSED", "APPROVE_REFUSED", "APPROVE");
    }

    @Test
    void anExclusionOverturnedAfterItWasAppliedNeedsAnotherRunBeforeApproval() throws Exception {
        Period q3 = Period.parse("2019-Q3");
        Path data = gamed("E-", q3)[1].writeTo(temp.resolve("now"));
        assertThat(runner.run(q3, data, RULES, "hr.alice").exitCode()).isZero();
        review(q3, "E-SEL", Signal.SELECTIVE_SURVEYING, Decision.CLEARED);
        review(q3, "E-REP", Signal.REPEAT_RESPONDENTS, Decision.CLEARED);
        review(q3, "E-BUN", Signal.END_OF_QUARTER_BUNCHING, Decision.EXCLUDED);
        assertThat(runner.run(q3, data, RULES, "hr.alice").exitCode()).isZero();

        review(q3, "E-BUN", Signal.END_OF_QUARTER_BUNCHING, Decision.CLEARED);
        assertThat(approval.approve(q3, "hr.bob").message())
                .startsWith("the exclusion of E-BUN no longer stands since run");

        RunOutcome third = runner.run(q3, data, RULES, "hr.alice");
        assertThat(reviews.excludedTouchpoints(third.runId())).isEmpty();
        assertThat(approval.approve(q3, "hr.bob").exitCode()).isZero();
        assertThat(reviews.reviewsOf("2019-Q3")).extracting(Review::decision)
                .containsExactly(Decision.CLEARED, Decision.CLEARED, Decision.EXCLUDED, Decision.CLEARED);
    }

    @Test
    void aRestartedStepStoresTheSameSignals() throws Exception {
        Period q3 = Period.parse("2025-Q3");
        GamedInput[] input = gamed("D-", q3);
        run(q3.previous(), input[0], "prev");
        Path data = input[1].writeTo(temp.resolve("now"));
        doThrow(new DataAccessResourceFailureException("database went away")).when(store).replace(anyLong(), anyString(),
                anyList());
        RunOutcome failed = runner.run(q3, data, RULES, "hr.alice");
        assertThat(failed.exitCode()).isEqualTo(1);

        doCallRealMethod().when(store).replace(anyLong(), anyString(), anyList());
        RunOutcome restarted = runner.run(q3, data, RULES, "hr.alice");

        assertThat(restarted.exitCode()).as(String.join("\n", restarted.messages())).isZero();
        assertThat(restarted.runId()).isEqualTo(failed.runId());
        Path out = temp.resolve("integrity.csv");
        export.export(q3, out);
        assertThat(CsvFiles.rows(out, "touchpoint_id", "signal", "statistic", "p_value")).containsExactly(
                "D-BUN,END_OF_QUARTER_BUNCHING,4.3940,0.000006", "D-REP,REPEAT_RESPONDENTS,0.1000,",
                "D-SEL,SELECTIVE_SURVEYING,3.2553,0.000566", "D-TS,TOP_BOX_SURGE,3.7743,0.000080");
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.promiseledger.runs.RunRegistry registry;

    private org.promiseledger.runs.QuarterlyRunRecord runOf(RunOutcome outcome) {
        return registry.find(outcome.runId()).orElseThrow();
    }

    private String jdbcMetric(long runId, String metric) {
        return jdbc.queryForObject("SELECT value FROM department_metrics WHERE run_id = ? AND scope = 'DEPARTMENT'"
                + " AND department_id = 'D3' AND metric = ?", java.math.BigDecimal.class, runId, metric).toPlainString();
    }

    private void review(Period period, String touchpoint, Signal signal, Decision decision) {
        ActionOutcome outcome = reviews.review(period, touchpoint, signal, decision, "looked at the survey log", "hr.bob");
        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
    }

    private RunOutcome run(Period period, GamedInput input, String folder) throws Exception {
        RunOutcome outcome = runner.run(period, input.writeTo(temp.resolve(folder)), RULES, "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        return outcome;
    }
}
