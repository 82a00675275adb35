package org.promiseledger.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetArchive;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/** `simulate` re-scores a calculated period with candidate rules and never touches the ledger; on H2 and MariaDB. */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SimulationFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    Simulation simulation;

    @Autowired
    org.promiseledger.runs.RunRegistry registry;

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    RuleSetArchive archive;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    @BeforeEach
    void calculateThePeriod() {
        RunOutcome run = runner.run(Q3, Path.of("src/test/resources/jobs/small/input"), Path.of("rules"), "hr.alice");
        assertThat(run.exitCode()).as(String.join("\n", run.messages())).isZero();
    }

    @Test
    void theRulesThatPaidThePeriodGiveAZeroDiff() {
        Simulation.Result result = simulation.simulate(Q3, compiler.compile(Path.of("rules")));

        assertThat(result.diffs()).hasSize(12);
        assertThat(result.diffs()).allSatisfy(d -> {
            assertThat(d.delta().signum()).as(d.employeeId()).isZero();
            assertThat(d.rulesChanged()).as(d.employeeId()).isEmpty();
        });
    }

    @Test
    void aRunBookedUnderAPoolBudgetIsSimulatedUnderThatBudgetNotTodaysSetting() throws Exception {
        // today's setting has no budget (this context); the run is marked as booked under 250,000.00, as a run
        // given --promise-ledger.pool-budget on its command line would be
        long runId = jdbc.queryForObject("SELECT MAX(run_id) FROM quarterly_run WHERE period = '2026-Q3'", Long.class);
        assertThat(simulation.poolOf(registry.find(runId).orElseThrow())).isEmpty();
        jdbc.update("UPDATE quarterly_run SET pool_budget = 250000.00 WHERE run_id = ?", runId);

        Simulation.Result result = simulation.simulate(Q3, compiler.compile(Path.of("rules")));

        // the candidate (the same rules) is prorated by the run's budget: the hand-worked pool amounts
        assertThat(result.diffs().stream().map(d -> "2026-Q3," + d.employeeId() + "," + d.role() + "," + d.departmentId()
                + "," + d.newAmount().toPlainString()).toList()).containsExactlyInAnyOrderElementsOf(
                        org.promiseledger.support.CsvFiles.rows(Path.of("src/test/resources/jobs/small/expected-payouts-pool-250000.00.csv"),
                                "period", "employee_id", "role", "department_id", "amount"));
    }

    @Test
    void aChangedStaffWeightMovesStaffPayByTheHandWorkedAmounts() throws Exception {
        Path candidate = RulesCopy.of(temp.resolve("rules"));
        // STAFF: department CX .30 -> .40, individual .50 -> .40
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "D12", "0.40");
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "F12", "0.40");

        Simulation.Result result = simulation.simulate(Q3, compiler.compile(candidate));
        simulation.write(result, temp.resolve("diff.csv"));

        // new score = old + 0.1 x (department CX - individual); amounts HALF_EVEN (see jobs/small/HAND-WORKED.md)
        Map<String, String> deltas = result.diffs().stream().filter(d -> d.delta().signum() != 0)
                .collect(Collectors.toMap(Simulation.Diff::employeeId, d -> d.oldAmount() + " -> " + d.newAmount()));
        assertThat(deltas).containsOnly(
                Map.entry("E7", "4415.19 -> 4384.44"),
                Map.entry("E8", "2130.53 -> 2525.53"),
                Map.entry("E9", "3108.50 -> 3295.17"),
                Map.entry("E10", "9189.96 -> 9034.96"),
                Map.entry("E11", "2911.70 -> 2875.37"),
                Map.entry("E12", "4942.97 -> 5031.56"));
        assertThat(CsvFiles.rows(temp.resolve("diff.csv"), "employee_id", "old_amount", "new_amount", "delta"))
                .contains("E8,2130.53,2525.53,395.00", "E10,9189.96,9034.96,-155.00", "E1,110393.75,110393.75,0.00");
    }

    @Test
    void aSimulationLeavesTheLedgerByteForByteUnchanged() throws Exception {
        List<String> before = ledger();
        Path candidate = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "F12", "0.60");

        simulation.simulate(Q3, compiler.compile(candidate));

        assertThat(ledger()).isEqualTo(before);
    }

    @Test
    void theRuleSetThatPaidARunIsKeptAndCanBeRestoredExactly() {
        String version = new RuleSetFolder(Path.of("rules")).version();

        Path restored = archive.restore(archive.versionsStartingWith(version.substring(0, 12)).get(0), temp.resolve("restored"));

        assertThat(new RuleSetFolder(restored).version()).isEqualTo(version);
        assertThat(simulation.simulate(Q3, compiler.compile(restored)).diffs()).allSatisfy(d -> assertThat(d.delta().signum()).isZero());
    }

    private List<String> ledger() {
        List<String> rows = new java.util.ArrayList<>();
        for (String table : List.of("quarterly_run", "run_state", "payout", "payout_line", "rule_trail", "adjustment",
                "department_metrics", "metric_attainment", "cx_index", "audit_log", "rule_set_file")) {
            rows.addAll(jdbc.query("SELECT * FROM " + table + " ORDER BY 1", (rs, i) -> {
                StringBuilder row = new StringBuilder(table);
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof java.sql.Blob blob) {
                        value = blob.getBytes(1, (int) blob.length());
                    }
                    row.append('|').append(value instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : value);
                }
                return row.toString();
            }));
        }
        return rows;
    }
}
