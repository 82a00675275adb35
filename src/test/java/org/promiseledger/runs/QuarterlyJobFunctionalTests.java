package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.period.Period;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarterly job end to end on small data sets whose metrics and payouts were worked out by hand from docs/README.md
 * (src/test/resources/jobs/*&#47;HAND-WORKED.md). The same tests run on H2 and on MariaDB.
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class QuarterlyJobFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path JOBS = Path.of("src/test/resources/jobs");
    static final Path RULES = Path.of("rules");
    static final Path DECISION_TABLES = Path.of("src/test/resources/rules/decision-tables");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    CsvExports exports;

    @Autowired
    RunRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    @Test
    void paysTheHandWorkedAmountsAndStoresTheHandWorkedMetrics() throws Exception {
        RunOutcome outcome = runner.run(Q3, JOBS.resolve("small/input"), RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, out.resolve("payouts.csv"));
        exports.metrics(Q3, out.resolve("metrics.csv"));
        assertThat(CsvFiles.rows(out.resolve("payouts.csv"), PAYOUT_COLUMNS))
                .containsExactlyElementsOf(CsvFiles.rows(JOBS.resolve("small/expected-payouts.csv")));
        assertThat(CsvFiles.rows(out.resolve("metrics.csv")))
                .containsExactlyElementsOf(CsvFiles.rows(JOBS.resolve("small/expected-metrics.csv")));
    }

    @Test
    void computesTheHandWorkedCxIndexOfEveryScope() throws Exception {
        long runId = runner.run(Q3, JOBS.resolve("small/input"), RULES, "hr.alice").runId();

        List<String> cx = jdbc.query("SELECT scope, department_id, cx_index FROM cx_index WHERE run_id = ?",
                (rs, i) -> rs.getString(1) + "," + rs.getString(2) + ","
                        + rs.getBigDecimal(3).setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString(), runId);
        assertThat(cx).containsExactlyInAnyOrderElementsOf(CsvFiles.rows(JOBS.resolve("small/expected-cx.csv")));
    }

    @Test
    void paysExecutivesNothingWhenTheCustomerGateCloses() throws Exception {
        RunOutcome outcome = runner.run(Q3, JOBS.resolve("gate-closed/input"), RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, out.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(out.resolve("payouts.csv"), PAYOUT_COLUMNS))
                .containsExactlyElementsOf(CsvFiles.rows(JOBS.resolve("gate-closed/expected-payouts.csv")));
    }

    @Test
    void listsOutOfPeriodRowsAsRejectsAndLosesNoRow() throws Exception {
        long runId = runner.run(Q3, JOBS.resolve("small/input"), RULES, "hr.alice").runId();
        exports.rejects(Q3, out.resolve("rejects.csv"));

        assertThat(CsvFiles.rows(out.resolve("rejects.csv"), "file", "line", "reason")).containsExactly(
                "contacts.csv,22,OUT_OF_PERIOD", "contacts.csv,23,OUT_OF_PERIOD",
                "surveys.csv,69,OUT_OF_PERIOD", "surveys.csv,70,OUT_OF_PERIOD");
        Long unbalanced = jdbc.queryForObject("SELECT COUNT(*) FROM input_file_count WHERE run_id = ?"
                + " AND rows_read <> rows_accepted + rows_rejected", Long.class, runId);
        assertThat(unbalanced).isZero();
    }

    @Test
    void aSecondRunSupersedesTheCalculatedOneAndLeavesItsPayoutsUntouched() throws Exception {
        long first = runner.run(Q3, JOBS.resolve("small/input"), RULES, "hr.alice").runId();
        String firstLedger = ledgerOf(first);

        RunOutcome second = runner.run(Q3, JOBS.resolve("small/input"), RULES, "hr.bob");

        assertThat(second.exitCode()).isZero();
        assertThat(registry.find(first).orElseThrow().state()).isEqualTo(RunState.SUPERSEDED);
        assertThat(registry.latest(Q3).orElseThrow().runId()).isEqualTo(second.runId());
        assertThat(ledgerOf(first)).isEqualTo(firstLedger);
        exports.payouts(Q3, out.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(out.resolve("payouts.csv"), "run_id")).allMatch(r -> r.equals(second.runId().toString()));
    }

    @Test
    void paysTheHandWorkedAmountsWithRoleWeightsTypedAsPercentagesAndFormulasInLibreOffice() throws Exception {
        Path rules = RulesCopy.of(out.resolve("rules"));
        Files.copy(DECISION_TABLES.resolve("percent-role-weights.drl.xlsx"), rules.resolve("role-weights.drl.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);
        RulesCopy.setCell(rules.resolve("cx-weights.drl.xlsx"), "J11", "100%"); // INTERNAL_ONLY weight typed as text

        RunOutcome outcome = runner.run(Q3, JOBS.resolve("small/input"), rules, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, out.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(out.resolve("payouts.csv"), PAYOUT_COLUMNS))
                .containsExactlyElementsOf(CsvFiles.rows(JOBS.resolve("small/expected-payouts.csv")));
    }

    @Test
    void aRuleTableOnAHiddenSheetRefusesTheRunNamingWorkbookAndSheet() throws Exception {
        Path rules = RulesCopy.of(out.resolve("rules"));
        Files.copy(DECISION_TABLES.resolve("hidden-role-weights.drl.xlsx"), rules.resolve("role-weights.drl.xlsx"),
                StandardCopyOption.REPLACE_EXISTING);

        RunOutcome outcome = runner.run(Q3, JOBS.resolve("small/input"), rules, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).containsExactly("role-weights.drl.xlsx, sheet 'Last year', cell A5: the sheet is hidden"
                + " and holds a RuleTable, which would never be seen and might still pay: unhide it to use it, or delete the sheet");
    }

    private String ledgerOf(long runId) {
        return String.join("\n", jdbc.query("SELECT employee_id, amount, row_hash FROM payout WHERE run_id = ? ORDER BY id",
                (rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3), runId));
    }

    static final String[] PAYOUT_COLUMNS = {"period", "employee_id", "role", "department_id", "target_bonus", "score", "amount"};
}
