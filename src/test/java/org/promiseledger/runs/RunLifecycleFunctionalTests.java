package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.promiseledger.scoring.ScopeResultStore;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** How runs start, fail, restart and refuse, as docs/ledger.md's "Runs" paragraph says; on H2 and on MariaDB. */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class RunLifecycleFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    CsvExports exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @MockitoSpyBean
    ScopeResultStore scopeResults;

    @TempDir
    Path temp;

    @Test
    void aRuleFileThatDoesNotCompileRefusesTheRunWithFileAndLineAndWritesNothing() throws IOException {
        Path rules = RulesCopy.copyTree(Path.of("rules"), temp.resolve("rules"));
        Path drl = rules.resolve("scorecard.drl");
        Files.writeString(drl, Files.readString(drl).replace("$e : Employee(hasPerformance)", "$e : Employee(hasPerformance"));
        long runsBefore = count("quarterly_run");
        long payoutsBefore = count("payout");

        RunOutcome outcome = runner.run(Q3, SMALL.resolve("input"), rules, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).startsWith("scorecard.drl, line "));
        assertThat(count("quarterly_run")).isEqualTo(runsBefore);
        assertThat(count("payout")).isEqualTo(payoutsBefore);
    }

    @Test
    void aPlanThatCompilesButMakesNoSenseIsRefusedAsRulesValidateReportsItAndWritesNothing() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "F10", "0.30"); // EXECUTIVE's weights now add up to 1.1
        long runsBefore = count("quarterly_run");

        RunOutcome outcome = runner.run(Q3, SMALL.resolve("input"), rules, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).singleElement().satisfies(m -> assertThat(m)
                .startsWith("role-weights.drl.xlsx, sheet 'Role weights', cell ")
                .endsWith("the component weights of EXECUTIVE add up to 1.10, not 1"));
        assertThat(count("quarterly_run")).isEqualTo(runsBefore);
    }

    @Test
    void aCapBelowOneIsOnlyAWarningAndTheRunPaysWithIt() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "G12", "0.5"); // STAFF cap

        RunOutcome outcome = runner.run(Q3, SMALL.resolve("input"), rules, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, temp.resolve("payouts.csv"));
        // every STAFF payout is capped at half its target bonus (their scores are above 0.5)
        List<String> staff = CsvFiles.rows(temp.resolve("payouts.csv"), "role", "target_bonus", "score", "amount").stream()
                .filter(r -> r.startsWith("STAFF,")).toList();
        assertThat(staff).isNotEmpty().allSatisfy(r -> {
            String[] f = r.split(",");
            assertThat(new BigDecimal(f[2])).isGreaterThan(new BigDecimal("0.5"));
            assertThat(new BigDecimal(f[3])).isEqualByComparingTo(
                    new BigDecimal(f[1]).multiply(new BigDecimal("0.5")).setScale(2, java.math.RoundingMode.HALF_EVEN));
        });
    }

    @Test
    void aFailedRunRestartsWhereItStoppedAndPaysExactlyOnce() throws Exception {
        doThrow(new DataAccessResourceFailureException("database went away")).when(scopeResults).replace(anyLong(), anyList());

        RunOutcome failed = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(registry.find(failed.runId()).orElseThrow().state()).isEqualTo(RunState.FAILED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Long.class, failed.runId())).isZero();

        doCallRealMethod().when(scopeResults).replace(anyLong(), anyList());
        RunOutcome restarted = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");

        assertThat(restarted.exitCode()).isZero();
        assertThat(restarted.restarted()).isTrue();
        assertThat(restarted.runId()).isEqualTo(failed.runId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION se JOIN BATCH_JOB_EXECUTION je"
                + " ON je.JOB_EXECUTION_ID = se.JOB_EXECUTION_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = je.JOB_EXECUTION_ID"
                + " WHERE se.STEP_NAME = 'ingestSurveysStep' AND p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = ?",
                Long.class, failed.runId().toString())).as("completed steps are not run again").isEqualTo(1);
        exports.payouts(Q3, temp.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(temp.resolve("payouts.csv"), QuarterlyJobFunctionalTests.PAYOUT_COLUMNS))
                .containsExactlyElementsOf(CsvFiles.rows(SMALL.resolve("expected-payouts.csv")));
    }

    @Test
    void aFailedRunWhoseInputsChangedIsClosedAndANewRunStarts() throws Exception {
        doThrow(new DataAccessResourceFailureException("database went away")).when(scopeResults).replace(anyLong(), anyList());
        Path inputs = RulesCopy.copyTree(SMALL.resolve("input"), temp.resolve("input"));
        RunOutcome failed = runner.run(Q3, inputs, Path.of("rules"), "hr.alice");
        doCallRealMethod().when(scopeResults).replace(anyLong(), anyList());
        Files.writeString(inputs.resolve("performance.csv"), Files.readString(inputs.resolve("performance.csv")) + "\n");

        RunOutcome next = runner.run(Q3, inputs, Path.of("rules"), "hr.alice");

        assertThat(next.exitCode()).isZero();
        assertThat(next.restarted()).isFalse();
        assertThat(next.runId()).isNotEqualTo(failed.runId());
        assertThat(registry.find(failed.runId()).orElseThrow().state()).isEqualTo(RunState.CLOSED);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // the period stays frozen in this database
    void anApprovedPeriodIsNotCalculatedAgain() {
        RunOutcome first = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");
        registry.transition(first.runId(), RunState.APPROVED, "hr.bob", null, new RunRegistry.AuditEntry("APPROVE", "approved"));

        RunOutcome again = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.messages()).anySatisfy(m -> assertThat(m).contains("approved"));
    }

    @Test
    void aStateChangeAndItsAuditEntryAreWrittenTogetherOrNotAtAll() {
        Period quiet = Period.parse("2011-Q1"); // a period no other test runs
        // the rule-set version of the latest run, so that later runs see no change of rules
        String version = registry.lastRuleSetVersion().orElse("0".repeat(64));
        long runId = registry.create(quiet, "hr.alice", "data", "rules", "fingerprint", version, null, "data, rules");

        registry.transition(runId, RunState.FAILED, "hr.bob", "the disk filled up",
                new RunRegistry.AuditEntry("RUN_FAILED", "the disk filled up"));

        assertThat(registry.history(runId)).extracting(RunRegistry.StateChange::state).containsExactly("STARTED", "FAILED");
        assertThat(auditOf(quiet, runId)).containsExactly("hr.alice RUN_STARTED", "hr.bob RUN_FAILED");

        // an audit entry the log cannot keep (it has no action) takes the state change down with it
        assertThatThrownBy(() -> registry.transition(runId, RunState.CLOSED, "hr.bob", "closing",
                new RunRegistry.AuditEntry(null, "closing"))).isInstanceOf(DataAccessException.class);

        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.FAILED);
        assertThat(auditOf(quiet, runId)).hasSize(2);
    }

    private List<String> auditOf(Period period, long runId) {
        return audit.entries(period.toString()).stream().filter(e -> e.runId() != null && e.runId() == runId)
                .map(e -> e.actor() + " " + e.action()).toList();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }


}
