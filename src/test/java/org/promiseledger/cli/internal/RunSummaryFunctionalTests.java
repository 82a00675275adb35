package org.promiseledger.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.support.RulesCopy;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The run summary's tables keep their layout whatever the input text holds. On H2 and MariaDB. */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class RunSummaryFunctionalTests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    RunSummary summary;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path temp;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    /** Runs 2026-Q3 on the small input with one file edited, and what one part of the summary prints for the run. */
    private String printedAfterARunWith(String file, java.util.function.UnaryOperator<String> edit,
            TriConsumer<RunSummary, PrintStream, org.promiseledger.runs.QuarterlyRunRecord> part) throws Exception {
        Path input = RulesCopy.copyTree(Path.of("src/test/resources/jobs/small/input"), temp.resolve("input"));
        Files.writeString(input.resolve(file), edit.apply(Files.readString(input.resolve(file))));
        RunOutcome outcome = runner.run(Period.parse("2026-Q3"), input, Path.of("rules"), "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.accept(summary, new PrintStream(bytes, true, StandardCharsets.UTF_8), registry.find(outcome.runId()).orElseThrow());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface TriConsumer<A, B, C> {
        void accept(A a, B b, C c);
    }

    @Test
    void anEventFileWhoseRowsAllLieInAnotherQuarterIsWarnedOfThoughTheRunPays() throws Exception {
        // last year's complaints: out-of-period rows do not count against the reject limit
        Path complaints = temp.resolve("input/complaints.csv");
        String printed = printedAfterARunWith("complaints.csv", text -> text.replace(",2026-0", ",2025-0"), RunSummary::printInputs);

        long rows = Files.readAllLines(complaints).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(printed).contains(String.format("  WARNING: none of the %d rows of"
                + " complaints.csv lies in 2026-Q3; is the data folder this quarter's? The quarter was calculated without them.",
                rows)).doesNotContain("of surveys.csv lies");
    }

    @Test
    void aDepartmentNameWithALineBreakStaysOnItsOwnTableRow() throws Exception {
        String printed = printedAfterARunWith("departments.csv",
                text -> text.replace("D3,Digital,D1", "D3,\"Digital\nand\tweb\",D1"), RunSummary::printScorecards);

        List<String> lines = printed.lines().filter(l -> !l.isBlank()).toList();
        // company line, table header, one row per department (5), nothing else
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  D3 Digital\\nand\\tweb "));
        assertThat(lines.subList(2, 7)).allSatisfy(l -> assertThat(l).matches(" *D\\d+ .{1,40} +(\\d+\\.\\d{4}|-) +(\\d+\\.\\d{4}|-) .*"));
    }

    @Test
    void aRefusedRunNamesTheRejectsThatStoppedItAndListsThemFirst() throws Exception {
        Path input = RulesCopy.copyTree(Path.of("src/test/resources/jobs/small/input"), temp.resolve("input"));
        Path employees = input.resolve("employees.csv");
        Files.writeString(employees, Files.readString(employees).replace("E4,Dan Backoffice,D4,MANAGER,92000.00,",
                "E4,Dan Backoffice,D4,MANAGER,-48000.00,"));
        Path contacts = input.resolve("contacts.csv");
        Files.writeString(contacts, Files.readString(contacts) + "K950,C01,T1,2026-08-01T10:00:00Z,maybe\n");

        RunOutcome outcome = runner.run(Period.parse("2026-Q3"), input, Path.of("rules"), "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).containsExactly(
                "employees.csv: 1 rejected row(s); a reference file must be clean — line 5, column base_salary: OUT_OF_RANGE"
                        + " '-48000.00' (must not be negative)",
                "contacts.csv: 1 of 23 rows rejected, more than the limit of 1 % — line 24, column first_contact_resolved:"
                        + " UNPARSEABLE 'maybe' (not true/false)",
                "performance.csv: 1 of 11 rows rejected, more than the limit of 1 % — line 8, column employee_id:"
                        + " UNKNOWN_REFERENCE 'E4' (in employees.csv, but its row there was rejected)");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.printFirstRejects(new PrintStream(bytes, true, StandardCharsets.UTF_8), registry.find(outcome.runId()).orElseThrow(), 10);
        // the reference file stopped the run: its reject comes first although contacts.csv sorts before it
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("First rejects:",
                "  employees.csv, line 5, column base_salary: OUT_OF_RANGE '-48000.00' (must not be negative)",
                "  contacts.csv, line 24, column first_contact_resolved: UNPARSEABLE 'maybe' (not true/false)",
                "  performance.csv, line 8, column employee_id: UNKNOWN_REFERENCE 'E4' (in employees.csv, but its row there was rejected)");
    }
}
