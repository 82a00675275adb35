package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ingest steps of the quarterly job on bad input, as docs/data-contract.md "Data contract" and "Precise semantics" say:
 * every reject listed with file, line, column and reason, no row lost, and the run refused (exit 2) for a reference
 * file with a reject, a missing file or header column, a cycle, or a weighted metric without a company target.
 * The reject limit is lifted here (100 %) so that the small files can carry a bad row of every reason; the limit
 * itself is tested in {@link IngestRejectLimitFunctionalTests}. A chunk of 4 rows makes every file span several
 * chunks, so counts and the duplicate check are proven across chunk boundaries. The same tests run on H2 and on
 * MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3",
        "promise-ledger.reject-limit-percent=100", "promise-ledger.chunk-size=4"})
abstract class IngestRejectsFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");
    static final Path EVERY_REASON = Path.of("src/test/resources/ingest/every-reason");
    static final Path RULES = Path.of("rules");

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
    void listsEveryRejectWithFileLineColumnAndReasonAndLosesNoRow() throws IOException {
        Path input = copyOfSmallInput();
        try (Stream<Path> appends = Files.list(EVERY_REASON.resolve("append"))) {
            for (Path append : appends.toList()) {
                append(input.resolve(append.getFileName().toString()), Files.readString(append));
            }
        }
        withByteOrderMarkAndCrlf(input.resolve("churn.csv"));

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason"))
                .containsExactlyElementsOf(CsvFiles.rows(EVERY_REASON.resolve("expected-rejects.csv")));
        assertThat(fileCounts(outcome.runId()))
                .containsExactlyInAnyOrderElementsOf(CsvFiles.rows(EVERY_REASON.resolve("expected-counts.csv")));
        assertThat(unbalancedFiles(outcome.runId())).isZero();
    }

    @Test
    void listsTheOffendingValueOfEachReject() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("surveys.csv"), """
                R950,C01,T1,2026-08-01T10:00:00Z,11,4,2
                R951,C01,T1, 2026-12-01T10:00:00Z ,9,4,2
                R001,C01,T1,2026-08-01T10:00:00Z,9,4,2
                """);

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"))).contains(
                "surveys.csv,71,nps,OUT_OF_RANGE,11",
                "surveys.csv,72,responded_at,OUT_OF_PERIOD,2026-12-01T10:00:00Z",
                "surveys.csv,73,response_id,DUPLICATE_ID,R001");
    }

    @Test
    void aRepeatedIdKeepsItsFirstClaimAcrossChunksAndAnOutOfPeriodRowAlsoClaims() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("surveys.csv"), """
                R960,C01,T1,2026-08-01T10:00:00Z,9,4,2
                R961,C01,T1,2026-12-01T10:00:00Z,9,4,2
                R960,C02,T1,2026-08-02T10:00:00Z,8,4,2
                R961,C02,T1,2026-08-02T10:00:00Z,8,4,2
                R962,C01,T1,2026-08-01T10:00:00Z,11,4,2
                R962,C03,T1,2026-08-03T10:00:00Z,7,3,2
                R962,C04,T1,2026-08-04T10:00:00Z,6,3,2
                """);

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason"))
                .filteredOn(row -> row.startsWith("surveys.csv,") && Integer.parseInt(row.split(",")[1]) > 70).containsExactly(
                        "surveys.csv,72,responded_at,OUT_OF_PERIOD",
                        "surveys.csv,73,response_id,DUPLICATE_ID",
                        "surveys.csv,74,response_id,DUPLICATE_ID",
                        "surveys.csv,75,nps,OUT_OF_RANGE",
                        "surveys.csv,77,response_id,DUPLICATE_ID");
        assertThat(jdbc.queryForList("SELECT line_no FROM in_survey WHERE run_id = ? AND response_id IN ('R960', 'R961', 'R962')"
                + " ORDER BY line_no", Long.class, outcome.runId())).containsExactly(71L, 76L);
        assertThat(unbalancedFiles(outcome.runId())).isZero();
    }

    @Test
    void stagesEveryTextValueExactlyAsTheFileHadIt() throws IOException {
        Path input = copyOfSmallInput();
        String name = "Zo\u00eb\tO'Brien \\ \"Q\"\nline two, \u20ac";
        append(input.resolve("touchpoints.csv"), "T99,\"" + name.replace("\"", "\"\"") + "\",WEB,D4,false\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        assertThat(jdbc.queryForObject("SELECT name FROM in_touchpoint WHERE run_id = ? AND touchpoint_id = 'T99'", String.class,
                outcome.runId())).isEqualTo(name);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM in_employee WHERE run_id = ? AND manager_id IS NULL", Long.class,
                outcome.runId())).as("an empty optional field is staged as NULL").isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT base_salary FROM in_employee WHERE run_id = ? AND employee_id = 'E1'",
                java.math.BigDecimal.class, outcome.runId())).isEqualByComparingTo("250000.00");
    }

    @Test
    void acceptsHeaderOnlyEventFiles() throws IOException {
        Path input = copyOfSmallInput();
        for (String file : List.of("churn.csv", "complaints.csv")) {
            Files.writeString(input.resolve(file), Files.readAllLines(input.resolve(file)).get(0) + "\n");
        }

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        assertThat(fileCounts(outcome.runId())).contains("churn.csv,0,0,0,0", "complaints.csv,0,0,0,0");
    }

    @Test
    void aRejectInAReferenceFileRefusesTheRunAndStillListsIt() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("employees.csv"), "E13,Mo Manager,D1,Manager,50000.00,10,E1\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).containsExactly("employees.csv: 1 rejected row(s); a reference file must be clean"
                + " — line 14, column role: OUT_OF_RANGE 'Manager' (must be one of [EXECUTIVE, MANAGER, STAFF])");
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Long.class, outcome.runId())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason"))
                .contains("employees.csv,14,role,OUT_OF_RANGE");
    }

    @Test
    void aReferenceToAnIdTheFileHasButCannotUseSaysWhyNotThatTheIdIsMissing() throws IOException {
        Path input = copyOfSmallInput();
        Path employees = input.resolve("employees.csv");
        // valid_from/valid_to added: E13's only row ends before the quarter, E4's row is rejected, E99 is nowhere
        List<String> rows = Files.readAllLines(employees).stream().filter(l -> !l.isBlank())
                .map(l -> l.startsWith("employee_id,") ? l + ",valid_from,valid_to" : l + ",,").toList();
        Files.write(employees, rows);
        append(employees, """
                E13,Old Boss,D1,MANAGER,90000.00,10,E1,2025-01-01,2026-06-30
                E20,New Hire,D1,STAFF,40000.00,5,E13,,
                E21,Other Hire,D1,STAFF,40000.00,5,E99,,
                """);
        Files.writeString(employees, Files.readString(employees).replace("E4,Dan Backoffice,D4,MANAGER,92000.00,",
                "E4,Dan Backoffice,D4,MANAGER,-92000.00,"));

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT file_name, line_no, column_name, raw_value, detail FROM input_reject"
                + " WHERE run_id = ? AND reason = 'UNKNOWN_REFERENCE' ORDER BY file_name, line_no", outcome.runId()).stream()
                .map(r -> r.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" | "))).toList())
                .containsExactly(
                        "employees.csv | 15 | manager_id | E13 | in employees.csv, but none of its rows covers 2026-Q3",
                        "employees.csv | 16 | manager_id | E99 | not in employees.csv",
                        "performance.csv | 8 | employee_id | E4 | in employees.csv, but its row there was rejected");
    }

    @Test
    void everyReferenceFileWithARejectIsNamed() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("departments.csv"), "D5,Lab,D9\n");
        append(input.resolve("touchpoints.csv"), "T8,Kiosk,KIOSK,D2,false\n");
        append(input.resolve("targets.csv"), "NPS,COMPANY,0,20,40\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("departments.csv"))
                .anySatisfy(m -> assertThat(m).contains("touchpoints.csv"))
                .anySatisfy(m -> assertThat(m).contains("targets.csv"));
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "reason")).containsExactly(
                "contacts.csv,22,OUT_OF_PERIOD", "contacts.csv,23,OUT_OF_PERIOD",
                "departments.csv,7,UNKNOWN_REFERENCE",
                "surveys.csv,69,OUT_OF_PERIOD", "surveys.csv,70,OUT_OF_PERIOD",
                "targets.csv,13,DUPLICATE_ID",
                "touchpoints.csv,9,OUT_OF_RANGE");
    }

    @Test
    void aMissingFileIsRefusedBeforeAnyRunIsWritten() throws IOException {
        Path input = copyOfSmallInput();
        Files.delete(input.resolve("performance.csv"));
        long runsBefore = count("quarterly_run");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.runId()).isNull();
        assertThat(outcome.messages()).singleElement().asString().contains("performance.csv");
        assertThat(count("quarterly_run")).isEqualTo(runsBefore);
    }

    @Test
    void aMissingHeaderColumnIsRefusedBeforeAnyRunIsWritten() throws IOException {
        Path input = copyOfSmallInput();
        Path surveys = input.resolve("surveys.csv");
        Files.writeString(surveys, Files.readString(surveys).replaceFirst(",effort\n", ",effrot\n"));
        long runsBefore = count("quarterly_run");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.runId()).isNull();
        assertThat(outcome.messages()).singleElement().asString().contains("surveys.csv").contains("effort");
        assertThat(count("quarterly_run")).isEqualTo(runsBefore);
    }

    @Test
    void anEmptyFileHasNoHeaderAndIsRefused() throws IOException {
        Path input = copyOfSmallInput();
        Files.writeString(input.resolve("churn.csv"), "");
        long runsBefore = count("quarterly_run");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).containsExactly(input.resolve("churn.csv")
                + ": the file is empty (0 bytes); it needs at least the header row: customer_id,churned_at,last_touchpoint_id");
        assertThat(count("quarterly_run")).isEqualTo(runsBefore);
    }

    @Test
    void everyCycleInParentIdRefusesTheRun() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("departments.csv"), "D5,Loop A,D6\nD6,Loop B,D5\nD7,Ouroboros,D7\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).filteredOn(m -> m.startsWith("departments.csv") && m.contains("cycle"))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("D5").contains("D6"))
                .anySatisfy(m -> assertThat(m).contains("D7"));
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
    }

    @Test
    void aCycleInManagerIdRefusesTheRun() throws IOException {
        Path input = copyOfSmallInput();
        Path employees = input.resolve("employees.csv");
        Files.writeString(employees, Files.readString(employees).replace("E1,Ada Chief,D1,EXECUTIVE,250000.00,40,\n",
                "E1,Ada Chief,D1,EXECUTIVE,250000.00,40,E4\n"));

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("employees.csv").contains("cycle"));
    }

    @Test
    void aMissingCompanyTargetForAnyWeightedMetricRefusesTheRun() throws IOException {
        Path input = copyOfSmallInput();
        removeLine(input.resolve("targets.csv"), "CONSISTENCY,COMPANY,70,80,90");
        removeLine(input.resolve("targets.csv"), "INTERNAL_SERVICE,COMPANY,50,70,90");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("targets.csv").contains("CONSISTENCY"))
                .anySatisfy(m -> assertThat(m).contains("targets.csv").contains("INTERNAL_SERVICE"));
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
    }

    @Test
    void aCompanyTargetForCesIsOptional() throws IOException {
        Path input = copyOfSmallInput();
        removeLine(input.resolve("targets.csv"), "CES,COMPANY,4,3,2");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
    }

    @Test
    void brokenQuotingIsBadInputNotAFailedRun() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("surveys.csv"), "R950,C01,T1,2026-08-01T10:00:00Z,\"9\"x,4,2\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).contains("surveys.csv"));
    }

    @Test
    void aFileThatIsNotUtf8IsBadInputNotAFailedRun() throws IOException {
        Path input = copyOfSmallInput();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rows.append("R").append(2000 + i).append(",C01,T1,2026-08-01T10:00:00Z,9,4,2\n");
        }
        append(input.resolve("surveys.csv"), rows.toString());
        byte[] latin1 = "R999,Ren\u00e9,T1,2026-08-01T10:00:00Z,9,4,2\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(input.resolve("surveys.csv"), latin1, java.nio.file.StandardOpenOption.APPEND);

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isEqualTo(2);
        // the reader buffers thousands of characters ahead: the line must still be the bad byte's own
        assertThat(outcome.messages()).containsExactly("surveys.csv, line 271, column 9 (byte 0xE9 at offset "
                + (Files.size(input.resolve("surveys.csv")) - latin1.length + 8) + ", '\u00e9' in Windows-1252)"
                + ": the file is not UTF-8 text (save it as CSV UTF-8)");
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
    }

    // ---------------------------------------------------------------- helpers

    Path copyOfSmallInput() throws IOException {
        Path input = Files.createDirectories(temp.resolve("input"));
        try (Stream<Path> files = Files.list(SMALL)) {
            for (Path file : files.toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        return input;
    }

    static void append(Path file, String rows) throws IOException {
        Files.writeString(file, Files.readString(file) + rows, StandardCharsets.UTF_8);
    }

    static void removeLine(Path file, String line) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(line + "\n");
        Files.writeString(file, text.replace(line + "\n", ""));
    }

    static void withByteOrderMarkAndCrlf(Path file) throws IOException {
        Files.writeString(file, "\uFEFF" + Files.readString(file).replace("\n", "\r\n"), StandardCharsets.UTF_8);
    }

    List<String> fileCounts(long runId) {
        return jdbc.query("SELECT file_name, rows_read, rows_accepted, rows_rejected, rows_out_of_period"
                + " FROM input_file_count WHERE run_id = ?", (rs, i) -> rs.getString(1) + "," + rs.getLong(2) + ","
                        + rs.getLong(3) + "," + rs.getLong(4) + "," + rs.getLong(5), runId);
    }

    long unbalancedFiles(long runId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM input_file_count WHERE run_id = ?"
                + " AND rows_read <> rows_accepted + rows_rejected", Long.class, runId);
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
