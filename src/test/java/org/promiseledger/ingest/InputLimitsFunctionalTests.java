package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.RulesCopy;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Input limits match storage: what passes validation is stored and paid; what cannot be stored is refused up front
 * (exit 2, never a database overflow and an advice to run again). On H2 and MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class InputLimitsFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    CsvExports exports;

    @Autowired
    RunRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path temp;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void aFifteenDigitSalaryAtFiftyThousandPercentIsRejectedOutOfRangeAndTheRunRefused() throws IOException {
        Path input = copyOfSmall();
        append(input.resolve("employees.csv"), "E99,Huge Pay,D3,STAFF,123456789012345,50000,\n");

        RunOutcome outcome = runner.run(Q3, input, Path.of("rules"), "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason", "value"))
                .contains("employees.csv,14,base_salary,OUT_OF_RANGE,123456789012345");
    }

    @Test
    void aPercentageAboveOneThousandIsRejectedOutOfRange() throws IOException {
        Path input = copyOfSmall();
        append(input.resolve("employees.csv"), "E99,Big Pct,D3,STAFF,50000,1000.01,\n");

        RunOutcome outcome = runner.run(Q3, input, Path.of("rules"), "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason"))
                .contains("employees.csv,14,target_bonus_pct,OUT_OF_RANGE");
    }

    @Test
    void theLargestSalaryAtTheLargestPercentageIsStoredAndPaid() throws IOException {
        Path input = copyOfSmall();
        append(input.resolve("employees.csv"), "E99,Top Limit,D3,STAFF,1000000000,1000,\n");

        RunOutcome outcome = runner.run(Q3, input, Path.of("rules"), "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        assertThat(jdbc.queryForObject("SELECT target_bonus FROM payout WHERE run_id = ? AND employee_id = 'E99'",
                BigDecimal.class, outcome.runId())).isEqualByComparingTo("10000000000");
        assertThat(jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E99'",
                BigDecimal.class, outcome.runId())).isPositive();
    }

    @Test
    void aPlanWhoseScoreCouldNotBeStoredIsRefusedBeforeAnyRunIsWritten() throws IOException {
        // a weight of 1e20 would give scores beyond the ledger's column; its weights no longer add up to 1, so the
        // plan check refuses it first (the ledger's own refusal of an unstorable score stays as a second guard)
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "C12", "100000000000000000000"); // STAFF company CX weight 1e20
        long runsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_run", Long.class);

        RunOutcome outcome = runner.run(Q3, SMALL, rules, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.runId()).isNull();
        assertThat(outcome.messages()).singleElement().asString().startsWith("role-weights.drl.xlsx, sheet 'Role weights', cell ")
                .contains("the component weights of STAFF add up to 100000000000000000000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quarterly_run", Long.class)).isEqualTo(runsBefore);
    }

    @Test
    void aPlanWhoseAttainmentCannotBeStoredIsRefusedWithExit2NotARetry() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("attainment-curve.drl.xlsx"), "C12", "1e25"); // AT_STRETCH
        RulesCopy.setCell(rules.resolve("attainment-curve.drl.xlsx"), "C13", "1e25"); // CAP

        RunOutcome outcome = runner.run(Q3, SMALL, rules, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).startsWith("a value cannot be stored: "));
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Long.class, outcome.runId())).isZero();
    }

    private Path copyOfSmall() throws IOException {
        Path input = temp.resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(SMALL)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName().toString()));
            }
        }
        return input;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
