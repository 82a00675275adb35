package org.promiseledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.PayrollExport;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.AdjustmentBooking;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunApproval;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.promiseledger.support.CsvFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.support.ReviewedSignals;

/**
 * The payroll-grade ledger: four-eyes approval, frozen periods, adjustments, byte-identical payroll exports and
 * tamper evidence, on a real run of the hand-worked data set. Each test gets a fresh database.
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
abstract class LedgerFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunApproval approval;

    @Autowired
    AdjustmentBooking adjustments;

    @Autowired
    PayrollExport payroll;

    @Autowired
    RunRegistry registry;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    AuditLog audit;

    @Autowired
    IntegrityReviews integrity;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    long runId;

    @BeforeEach
    void calculateThePeriod() {
        RunOutcome run = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");
        assertThat(run.exitCode()).as(String.join("\n", run.messages())).isZero();
        runId = run.runId();
        ReviewedSignals.clearAll(integrity, registry, Q3, "auditor.ann");
    }

    @Test
    void thePersonWhoLaunchedARunCannotApproveIt() {
        ActionOutcome outcome = approval.approve(Q3, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.message()).contains("four eyes");
        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.CALCULATED);
    }

    @Test
    void anotherPersonApprovesAndTheApprovedPeriodIsFrozen() {
        assertThat(approval.approve(Q3, "hr.bob").exitCode()).isZero();

        RunOutcome again = runner.run(Q3, SMALL.resolve("input"), Path.of("rules"), "hr.alice");

        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.APPROVED);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.messages().get(0)).contains("approved");
    }

    @Test
    void payrollOfAnUnapprovedPeriodIsRefused() throws Exception {
        ActionOutcome outcome = payroll.export(Q3, out.resolve("payroll.csv"), "hr.carol");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(Files.exists(out.resolve("payroll.csv"))).isFalse();
    }

    @Test
    void payrollExportNetsAdjustmentsMarksTheRunExportedAndIsByteIdenticalOnReExport() throws Exception {
        approval.approve(Q3, "hr.bob");
        assertThat(adjustments.book(Q3, "E2", "250.00", "missed sales credit", "hr.carol").exitCode()).isZero();
        assertThat(adjustments.book(Q3, "E2", "-100.10", "clawback: duplicate credit", "hr.carol").exitCode()).isZero();

        assertThat(payroll.export(Q3, out.resolve("first.csv"), "hr.carol").exitCode()).isZero();
        assertThat(payroll.export(Q3, out.resolve("second.csv"), "hr.carol").exitCode()).isZero();

        assertThat(Files.readAllBytes(out.resolve("second.csv"))).isEqualTo(Files.readAllBytes(out.resolve("first.csv")));
        assertThat(registry.find(runId).orElseThrow().state()).isEqualTo(RunState.EXPORTED);
        List<String> rows = CsvFiles.rows(out.resolve("first.csv"), "employee_id", "net_amount", "currency", "run_id");
        // E2's payout is 60395.62 (HAND-WORKED.md); + 250.00 - 100.10
        assertThat(rows).contains("E2,60545.52,EUR," + runId, "E1,110393.75,EUR," + runId);
        assertThat(rows).hasSize(12);
    }

    @Test
    void anAdjustmentBookedAfterAnExportGoesIntoTheNextExport() throws Exception {
        approval.approve(Q3, "hr.bob");
        payroll.export(Q3, out.resolve("first.csv"), "hr.carol");

        adjustments.book(Q3, "E1", "-393.75", "clawback after audit", "hr.carol");
        payroll.export(Q3, out.resolve("second.csv"), "hr.carol");

        assertThat(CsvFiles.rows(out.resolve("second.csv"), "employee_id", "net_amount")).contains("E1,110000.00");
        assertThat(CsvFiles.rows(out.resolve("first.csv"), "employee_id", "net_amount")).contains("E1,110393.75");
    }

    @Test
    void adjustmentsAreRefusedWithoutAnApprovedRunOrForSomeoneNotPaid() {
        assertThat(adjustments.book(Q3, "E1", "10.00", "early", "hr.carol").exitCode()).isEqualTo(2);
        approval.approve(Q3, "hr.bob");
        assertThat(adjustments.book(Q3, "E404", "10.00", "who?", "hr.carol").exitCode()).isEqualTo(2);
        assertThat(adjustments.book(Q3, "E1", "10.001", "fractions of a cent", "hr.carol").exitCode()).isEqualTo(2);
    }

    @Test
    void anUntouchedLedgerVerifiesIntact() {
        approval.approve(Q3, "hr.bob");
        adjustments.book(Q3, "E1", "10.00", "bonus", "hr.carol");

        assertThat(verifier.verify()).allSatisfy(check -> assertThat(check.intact()).as(check.toString()).isTrue());
        assertThat(verifier.verify(LedgerTable.PAYOUT).rows()).isEqualTo(12);
    }

    @Test
    void aPayoutAmountChangedInTheDatabaseIsNamedByAuditVerify() {
        long id = jdbc.queryForObject("SELECT id FROM payout WHERE run_id = ? AND employee_id = 'E5'", Long.class, runId);
        tamper("payout", "UPDATE payout SET amount = amount + 1000 WHERE id = " + id);

        LedgerVerifier.TableCheck check = verifier.verify(LedgerTable.PAYOUT);

        assertThat(check.intact()).isFalse();
        assertThat(check.firstBreak().id()).isEqualTo(id);
        assertThat(check.firstBreak().whatDiffers()).contains("content does not match").contains("employee_id=E5");
    }

    @Test
    void aDeletedPayoutLineIsNamedByAuditVerifyAtTheRowAfterIt() {
        List<Long> ids = jdbc.queryForList("SELECT id FROM payout_line ORDER BY id", Long.class);
        tamper("payout_line", "DELETE FROM payout_line WHERE id = " + ids.get(3));

        LedgerVerifier.TableCheck check = verifier.verify(LedgerTable.PAYOUT_LINE);

        assertThat(check.firstBreak().id()).isEqualTo(ids.get(4));
        assertThat(check.firstBreak().whatDiffers()).contains("prev_hash");
    }

    @Test
    void theRulesDecisionsAreBookedChainedAndAChangedOneIsNamedByAuditVerify() {
        // the run booked what the rules decided: every employee's customer gate (the small company's NPS passes it)
        List<Map<String, Object>> gates = jdbc.queryForList("SELECT employee_id, applies, outcome FROM payout_decision"
                + " WHERE run_id = ? AND kind = 'CUSTOMER_GATE' ORDER BY id", runId);
        assertThat(gates).hasSize(12);
        assertThat(gates).filteredOn(g -> ((Number) g.get("applies")).intValue() == 1)
                .allSatisfy(g -> assertThat(g.get("outcome")).isEqualTo("OPEN")).isNotEmpty();
        assertThat(verifier.verify(LedgerTable.PAYOUT_DECISION).intact()).isTrue();
        long id = jdbc.queryForObject("SELECT id FROM payout_decision WHERE run_id = ? AND employee_id = 'E1'"
                + " AND kind = 'CUSTOMER_GATE'", Long.class, runId);

        tamper("payout_decision", "UPDATE payout_decision SET outcome = 'CLOSED' WHERE id = " + id);

        LedgerVerifier.TableCheck check = verifier.verify(LedgerTable.PAYOUT_DECISION);
        assertThat(check.firstBreak().id()).isEqualTo(id);
        assertThat(check.firstBreak().whatDiffers()).contains("content does not match").contains("outcome=CLOSED");
    }

    @Test
    void everyActionIsInTheAuditLog() {
        approval.approve(Q3, "hr.alice");
        approval.approve(Q3, "hr.bob");
        adjustments.book(Q3, "E1", "10.00", "bonus", "hr.carol");

        assertThat(audit.entries(Q3.toString())).extracting(e -> e.actor() + " " + e.action())
                .containsSubsequence("hr.alice RUN_STARTED", "hr.alice RUN_CALCULATED", "hr.alice APPROVE_REFUSED",
                        "hr.bob APPROVE", "hr.carol ADJUST");
    }

    /** Changes a ledger row behind the application's back, as someone with database access could. */
    void tamper(String table, String sql) {
        jdbc.update(sql);
    }
}
