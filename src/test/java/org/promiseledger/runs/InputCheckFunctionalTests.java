package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.promiseledger.ingest.InputCounts;
import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.period.Period;
import org.promiseledger.support.ShiftedInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dry check reports exactly what the run then does — the same counts, the same rejects, the same refusal — and
 * leaves nothing behind: no run, no staged row, no reject. On H2 and on MariaDB (where ingest loads with LOAD DATA).
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class InputCheckFunctionalTests {

    @Autowired
    InputCheck check;

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    StagedInputs staged;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCheckFindsWhatTheRunThenRejectsAndLeavesNothingBehind() {
        Period period = Period.parse("2028-Q1");
        Path inputs = ShiftedInputs.small(18);

        InputCheck.Report report = check.check(period, inputs, Path.of("rules"));

        assertThat(report.refused()).isFalse();
        assertThat(report.problems()).isEmpty();
        assertThat(report.rejectCount()).isEqualTo(4);
        assertThat(registry.runsOf(period)).isEmpty();
        assertNothingStagedUnderCheckIds();

        RunOutcome run = runner.run(period, inputs, Path.of("rules"), "hr.alice");
        assertThat(run.exitCode()).isZero();
        assertThat(report.files()).isEqualTo(InputCounts.of(jdbc, run.runId()));
        assertThat(report.rejects()).isEqualTo(staged.rejects(run.runId(), null, null, 0, 1000));
        assertThat(report.rowsRead()).isEqualTo(InputCounts.of(jdbc, run.runId()).stream().mapToLong(c -> c.read()).sum());

        InputCheck.Report again = check.check(period, inputs, Path.of("rules"));
        assertThat(again.notes()).containsExactly("the new run supersedes run " + run.runId() + " (CALCULATED) of " + period);
    }

    @Test
    void theCheckRefusesWhatTheRunRefusesWithTheSameWords() throws IOException {
        Period period = Period.parse("2028-Q2");
        Path inputs = ShiftedInputs.small(21);
        Path employees = inputs.resolve("employees.csv");
        Files.writeString(employees, Files.readString(employees) + "E99,Nobody,D404,STAFF,1000.00,10,\n");

        InputCheck.Report report = check.check(period, inputs, Path.of("rules"));

        assertThat(report.refused()).isTrue();
        assertThat(report.rejects()).anySatisfy(r -> {
            assertThat(r.fileName()).isEqualTo("employees.csv");
            assertThat(r.column()).isEqualTo("department_id");
            assertThat(r.reason()).isEqualTo("UNKNOWN_REFERENCE");
        });
        assertNothingStagedUnderCheckIds();
        RunOutcome run = runner.run(period, inputs, Path.of("rules"), "hr.alice");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(report.problems()).isEqualTo(run.messages());
    }

    @Test
    void aPlanThatMakesNoSenseIsRefusedByTheCheckAsByTheRun() throws IOException {
        Period period = Period.parse("2028-Q2");
        Path inputs = ShiftedInputs.small(21);
        Path rules = org.promiseledger.support.RulesCopy.of(Files.createTempDirectory("plan-check").resolve("rules"));
        org.promiseledger.support.RulesCopy.setCell(rules.resolve("cx-weights.drl.xlsx"), "C10", "0.40");

        InputCheck.Report report = check.check(period, inputs, rules);

        assertThat(report.refused()).isTrue();
        assertThat(report.problems()).singleElement().asString().startsWith("cx-weights.drl.xlsx, sheet ");
        assertThat(report.problems()).isEqualTo(runner.run(period, inputs, rules, "hr.alice").messages());
    }

    @Test
    void aMissingFileIsRefusedBeforeAnyRowIsRead() throws IOException {
        Path inputs = ShiftedInputs.small(24);
        Files.delete(inputs.resolve("targets.csv"));

        InputCheck.Report report = check.check(Period.parse("2028-Q3"), inputs, Path.of("rules"));

        assertThat(report.refused()).isTrue();
        assertThat(report.files()).isEmpty();
        assertThat(report.problems()).containsExactly(inputs.resolve("targets.csv")
                + ": file missing (all eleven files are required; a header-only file is fine)");
    }

    private void assertNothingStagedUnderCheckIds() {
        for (String table : List.of("in_department", "in_employee", "in_touchpoint", "in_target", "in_customer", "in_survey",
                "in_contact", "in_complaint", "in_churn", "in_internal_survey", "in_performance")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id < 0", Integer.class)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_reject WHERE run_id < 0", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_file_count WHERE run_id < 0", Integer.class)).isZero();
    }
}
