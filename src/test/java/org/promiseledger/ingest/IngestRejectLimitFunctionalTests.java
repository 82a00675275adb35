package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The reject limit at its default (1 % of a file's data rows, OUT_OF_PERIOD rows not counted): passing it refuses
 * the run (exit 2) naming the file, and the rejects can still be exported. On H2 and on MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class IngestRejectLimitFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");
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
    void passingTheRejectLimitRefusesTheRunNamingEveryFileAndStillListsTheRejects() throws IOException {
        Path input = copyOfSmallInput();
        append(input.resolve("surveys.csv"), "R950,C01,T1,2026-08-01T10:00:00Z,11,4,2\n");
        append(input.resolve("contacts.csv"), "K950,C01,T1,2026-08-01T10:00:00Z,maybe\n");

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).startsWith("surveys.csv"))
                .anySatisfy(m -> assertThat(m).startsWith("contacts.csv"))
                .noneSatisfy(m -> assertThat(m).contains("complaints.csv"));
        assertThat(registry.find(outcome.runId()).orElseThrow().state()).isEqualTo(RunState.REFUSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payout WHERE run_id = ?", Long.class, outcome.runId())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "column", "reason")).containsExactly(
                "contacts.csv,22,opened_at,OUT_OF_PERIOD",
                "contacts.csv,23,opened_at,OUT_OF_PERIOD",
                "contacts.csv,24,first_contact_resolved,UNPARSEABLE",
                "surveys.csv,69,responded_at,OUT_OF_PERIOD",
                "surveys.csv,70,responded_at,OUT_OF_PERIOD",
                "surveys.csv,71,nps,OUT_OF_RANGE");
    }

    @Test
    void theRefusalNamesTheFirstRejectsOfAFilePastTheLimitAndCountsTheRest() throws IOException {
        Path input = copyOfSmallInput();
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            bad.append("R95").append(i).append(",C01,T1,2026-08-01T10:00:00Z,1").append(i + 1).append(",4,2\n");
        }
        append(input.resolve("surveys.csv"), bad.toString());

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).containsExactly("surveys.csv: 5 of 74 rows rejected, more than the limit of 1 % — first:"
                + " line 71, column nps: OUT_OF_RANGE '11' (must be 0..10); line 72, column nps: OUT_OF_RANGE '12' (must be 0..10);"
                + " line 73, column nps: OUT_OF_RANGE '13' (must be 0..10); and 2 more (export rejects lists them all)");
    }

    @Test
    void outOfPeriodRowsDoNotCountAgainstTheLimit() throws IOException {
        Path input = copyOfSmallInput();
        StringBuilder late = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            late.append("Q95").append(i).append(",C01,T1,2026-10-0").append(i % 9 + 1).append("T10:00:00Z,1,true\n");
        }
        append(input.resolve("complaints.csv"), late.toString());

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        assertThat(jdbc.queryForObject("SELECT rows_out_of_period FROM input_file_count WHERE run_id = ?"
                + " AND file_name = 'complaints.csv'", Long.class, outcome.runId())).isEqualTo(10);
    }

    @Test
    void aFileAtExactlyTheLimitIsNotRefused() throws IOException {
        Path input = copyOfSmallInput();
        StringBuilder customers = new StringBuilder();
        for (int i = 0; i < 57; i++) {
            customers.append("N").append(100 + i).append(",false,true,true\n");
        }
        customers.append("N999,false,true,perhaps\n");
        append(input.resolve("customers.csv"), customers.toString());

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        assertThat(jdbc.queryForObject("SELECT rows_read FROM input_file_count WHERE run_id = ?"
                + " AND file_name = 'customers.csv'", Long.class, outcome.runId())).isEqualTo(100);
    }

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
}
