package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.ledger.LedgerVerifier;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.promiseledger.workbench.Simulation;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mid-quarter changes end to end on data set "history" (src/test/resources/jobs/history, derivation in its
 * HAND-WORKED.md): a raise (E7), a leaver (E8), a promotion (E9), a transfer (E10), a paid staff segment beside a
 * gated executive segment (E12), a hire (E13), rows outside the quarter (E4, E7, E14) and, in a copy, an overlap.
 * D = 92 days in 2026-Q3; the company NPS attains 0, so executive segments are paid 0. The same tests run on H2 and
 * on MariaDB; {@link CrossDatabaseLedgerTests} proves the two book identical ledgers for this data set.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class MidQuarterChangesFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path HISTORY = Path.of("src/test/resources/jobs/history");
    static final Path RULES = Path.of("rules");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    CsvExports exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path temp;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void paysEachEmployeeTheRoundedSumOfTheirSegments() throws IOException {
        RunOutcome outcome = runner.run(Q3, HISTORY.resolve("input"), RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, temp.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(temp.resolve("payouts.csv"), "period", "employee_id", "role", "department_id", "target_bonus",
                "score", "amount")).containsExactly(
                        // whole quarter, gate closed: as in gate-closed
                        "2026-Q3,E1,EXECUTIVE,D1,100000.00,0.8377,0.00",
                        // transfer D3 (31 d, score 1.016875) -> D4 (61 d, score 1.058125): TB 7654.3125 x 31/92 and x 61/92,
                        // 2622.694018.. + 5370.134611.. = 7992.828630.. ; score 7992.828630../7654.3125 = 1.04422..; latest D4
                        "2026-Q3,E10,STAFF,D4,7654.31,1.0442,7992.83",
                        "2026-Q3,E11,STAFF,D4,2906.25,0.9194,2671.93",
                        // STAFF 46 d: 4500 x 46/92 = 2250 x 0.8921875 = 2007.421875; EXECUTIVE 46 d: 36000 x 46/92 = 18000,
                        // gated -> 0; TB 20250; score (2007.421875 + 18000 x 0.8321875) / 20250 = 0.83885..
                        "2026-Q3,E12,EXECUTIVE,D1,20250.00,0.8389,2007.42",
                        // hire 09-01: 3680 x 30/92 = 1200 x 0.956875 = 1148.25
                        "2026-Q3,E13,STAFF,D10,1200.00,0.9569,1148.25",
                        "2026-Q3,E2,EXECUTIVE,D2,54000.00,0.9122,0.00",
                        "2026-Q3,E3,EXECUTIVE,D3,44752.63,0.7884,0.00",
                        // one accepted row 2020-01-01..2026-09-30 covers the quarter; the 2026-10-01 row is OUT_OF_PERIOD
                        "2026-Q3,E4,MANAGER,D4,13800.00,0.8913,12300.11",
                        "2026-Q3,E5,MANAGER,D10,13200.00,1.0853,14326.12",
                        "2026-Q3,E6,MANAGER,D2,10812.50,0.8401,9083.18",
                        // raise: (4100 x 62 + 4500 x 30)/92 = 4230.4347.. x 0.994375 = 4206.638586..
                        "2026-Q3,E7,STAFF,D10,4230.43,0.9944,4206.64",
                        // leaver 07-20: 3950 x 20/92 = 858.695652.. x 0.456875 = 392.316576..
                        "2026-Q3,E8,STAFF,D10,858.70,0.4569,392.32",
                        // promotion: STAFF 3356 x 62/92 x 0.7425 = 1679.276739.. + MANAGER 7200 x 30/92 x 0.7778125
                        // = 1826.168478.. -> 3505.445217..; TB 4609.478260..; score 0.76048..
                        "2026-Q3,E9,MANAGER,D2,4609.48,0.7605,3505.45");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payout WHERE run_id = ?", java.math.BigDecimal.class,
                outcome.runId())).isEqualByComparingTo("57634.25");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ? AND employee_id = 'E14'", Long.class,
                outcome.runId())).as("no segment in the quarter, no payout row").isZero();
    }

    @Test
    void booksEachSegmentsComponentsAndItsExactAmountAsPayoutLines() {
        long runId = runner.run(Q3, HISTORY.resolve("input"), RULES, "hr.alice").runId();

        List<String> lines = jdbc.query("SELECT seq, component, segment_from, segment_to, segment_days, quarter_days,"
                + " segment_department_id, segment_role, segment_target_bonus, attainment, contribution FROM payout_line"
                + " WHERE run_id = ? AND employee_id = 'E12' ORDER BY seq", (rs, i) -> rs.getInt(1) + "," + rs.getString(2)
                        + "," + rs.getDate(3) + ".." + rs.getDate(4) + "," + rs.getInt(5) + "/" + rs.getInt(6) + ","
                        + rs.getString(7) + "," + rs.getString(8) + "," + rs.getBigDecimal(9).stripTrailingZeros().toPlainString()
                        + "," + rs.getBigDecimal(10).stripTrailingZeros().toPlainString() + ","
                        + rs.getBigDecimal(11).stripTrailingZeros().toPlainString(), runId);
        assertThat(lines).containsExactly(
                "1,COMPANY_CX,2026-07-01..2026-08-15,46/92,D1,STAFF,2250,0.784375,0.156875",
                "2,DEPARTMENT_CX,2026-07-01..2026-08-15,46/92,D1,STAFF,2250,0.784375,0.2353125",
                "3,INDIVIDUAL,2026-07-01..2026-08-15,46/92,D1,STAFF,2250,1,0.5",
                "4,SEGMENT,2026-07-01..2026-08-15,46/92,D1,STAFF,2250,0.8921875,2007.421875",
                "5,COMPANY_CX,2026-08-16..2026-09-30,46/92,D1,EXECUTIVE,18000,0.784375,0.3921875",
                "6,SUBTREE_CX,2026-08-16..2026-09-30,46/92,D1,EXECUTIVE,18000,0.8,0.24",
                "7,INDIVIDUAL,2026-08-16..2026-09-30,46/92,D1,EXECUTIVE,18000,1,0.2",
                "8,SEGMENT,2026-08-16..2026-09-30,46/92,D1,EXECUTIVE,18000,0.8321875,0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout_line WHERE run_id = ? AND employee_id = 'E11'"
                + " AND segment_from IS NULL", Long.class, runId)).as("a whole-quarter employee's lines carry no segment")
                .isEqualTo(3L);
        assertThat(jdbc.queryForList("SELECT decision FROM rule_trail WHERE run_id = ? AND subject = 'EMPLOYEE E12'"
                + " AND rule_name = 'Executives get nothing when the customer gate fails'", String.class, runId))
                .singleElement().asString().startsWith("2026-08-16..2026-09-30: ");
        assertThat(verifier.verify()).allSatisfy(check -> assertThat(check.intact()).as(check.toString()).isTrue());
    }

    @Test
    void listsRowsOutsideTheQuarterWithoutStoppingTheRun() throws IOException {
        RunOutcome outcome = runner.run(Q3, HISTORY.resolve("input"), RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .filteredOn(r -> r.startsWith("employees.csv")).containsExactly(
                        "employees.csv,6,valid_from,OUT_OF_PERIOD,2026-10-01",
                        "employees.csv,9,valid_to,OUT_OF_PERIOD,2026-06-30",
                        "employees.csv,21,valid_to,OUT_OF_PERIOD,2026-06-30");
        assertThat(jdbc.query("SELECT rows_read, rows_accepted, rows_rejected, rows_out_of_period FROM input_file_count"
                + " WHERE run_id = ? AND file_name = 'employees.csv'", (rs, i) -> rs.getLong(1) + "," + rs.getLong(2) + ","
                        + rs.getLong(3) + "," + rs.getLong(4), outcome.runId())).containsExactly("20,17,3,3");
    }

    @Test
    void aRowOverlappingAnEarlierAcceptedRowIsADuplicateAndStopsTheRun() throws IOException {
        Path input = copyOfHistory();
        Files.writeString(input.resolve("employees.csv"), Files.readString(input.resolve("employees.csv"))
                + "E10,Jo Developer,D4,STAFF,61234.50,12.5,E4,2026-07-31,2026-08-01\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("employees.csv"));
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .contains("employees.csv,22,employee_id,DUPLICATE_ID,E10");
    }

    @Test
    void aManagerIdMayNameOnlySomeoneWithASegmentInTheQuarter() throws IOException {
        Path input = copyOfHistory();
        Files.writeString(input.resolve("employees.csv"), Files.readString(input.resolve("employees.csv"))
                + "E15,Ola Late,D10,STAFF,40000.00,10,E14,2026-09-15,\n"
                + "E16,Pia Early,D10,STAFF,40000.00,10,E13,2026-07-01,2026-07-15\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .filteredOn(r -> r.startsWith("employees.csv")).containsExactly(
                        "employees.csv,6,valid_from,OUT_OF_PERIOD,2026-10-01",
                        "employees.csv,9,valid_to,OUT_OF_PERIOD,2026-06-30",
                        "employees.csv,21,valid_to,OUT_OF_PERIOD,2026-06-30",
                        // E14 left before the quarter; E13, hired in September, may manage E16, who left in July
                        "employees.csv,22,manager_id,UNKNOWN_REFERENCE,E14");
    }

    @Test
    void anUnparseableDateIsAFaultOfTheReferenceFileAndStopsTheRun() throws IOException {
        Path input = copyOfHistory();
        Files.writeString(input.resolve("employees.csv"), Files.readString(input.resolve("employees.csv"))
                .replace("E13,Mia Newcomer,D10,STAFF,36800.00,10,E5,2026-09-01,", "E13,Mia Newcomer,D10,STAFF,36800.00,10,E5,1.9.2026,"));

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("employees.csv: 1 rejected row(s)"));
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .contains("employees.csv,20,valid_from,UNPARSEABLE,1.9.2026");
    }

    @Test
    void simulateScoresTheSegmentsAgainAndMovesAMoversPayByTheHandWorkedAmounts(@Autowired Simulation simulation,
            @Autowired RuleSetCompiler compiler) throws Exception {
        assertThat(runner.run(Q3, HISTORY.resolve("input"), RULES, "hr.alice").exitCode()).isZero();

        Simulation.Result same = simulation.simulate(Q3, compiler.compile(RULES));
        assertThat(same.diffs()).hasSize(13).allSatisfy(d -> {
            assertThat(d.delta().signum()).as(d.employeeId()).isZero();
            assertThat(d.rulesChanged()).as(d.employeeId()).isEmpty();
        });

        Path candidate = RulesCopy.of(temp.resolve("rules"));
        // STAFF: department CX .30 -> .40, individual .50 -> .40: a STAFF segment's score moves by .1 x (dept CX - individual)
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "D12", "0.40");
        RulesCopy.setCell(candidate.resolve("role-weights.drl.xlsx"), "F12", "0.40");
        Map<String, String> moved = simulation.simulate(Q3, compiler.compile(candidate)).diffs().stream()
                .collect(Collectors.toMap(Simulation.Diff::employeeId, d -> d.oldAmount() + " -> " + d.newAmount()));
        // E12: STAFF segment 2250 x (0.8921875 + .1 x (0.784375 - 1) = 0.870625) = 1958.90625; executive segment still 0
        assertThat(moved).containsEntry("E12", "2007.42 -> 1958.91");
        // E10: D3 31 d x (1.016875 - 0.054 = 0.962875) + D4 61 d x (1.058125 - 0.04025 = 1.017875)
        // with target bonuses 7654.3125 x 31/92 and x 61/92: 2483.418810.. + 5165.860146.. = 7649.278957.. -> 7649.28
        assertThat(moved).containsEntry("E10", "7992.83 -> 7649.28");
        // E13: department CX 1 = individual 1: unchanged
        assertThat(moved).containsEntry("E13", "1148.25 -> 1148.25");
    }

    @Test
    void theManagerCycleCheckUsesEachEmployeesLatestSegment() throws IOException {
        Path input = copyOfHistory();
        String employees = Files.readString(input.resolve("employees.csv"))
                .replace("E6,Finn Calls,D2,MANAGER,86500.00,12.5,E2,,", "E6,Finn Calls,D2,MANAGER,86500.00,12.5,E9,,");
        Files.writeString(input.resolve("employees.csv"), employees);

        // E9 reported to E6 until 08-31 only: the loop E6 -> E9 -> E6 is not the org of anyone's latest segment
        assertThat(runner.run(Q3, input, RULES, "hr.alice").exitCode()).isZero();

        Files.writeString(input.resolve("employees.csv"), employees.replace("E9,Ivo Agent,D2,MANAGER,60000.00,12,E2,",
                "E9,Ivo Agent,D2,MANAGER,60000.00,12,E6,"));
        RunOutcome cycle = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(cycle.exitCode()).isEqualTo(2);
        assertThat(cycle.messages()).anySatisfy(m -> assertThat(m).contains("employees.csv").contains("cycle")
                .contains("E6").contains("E9"));
    }

    private Path copyOfHistory() throws IOException {
        Path input = Files.createDirectories(temp.resolve("input"));
        try (Stream<Path> files = Files.list(HISTORY.resolve("input"))) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        return input;
    }
}
