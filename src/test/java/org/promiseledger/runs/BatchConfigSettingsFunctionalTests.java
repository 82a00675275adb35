package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.promiseledger.support.CsvFiles;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * batch-config's optional settings end to end, each changed from its default and each proven by what the run does:
 * the company time zone (Europe/Berlin, UTC+2 in the quarter's summer edges), min-sample (10 instead of the small
 * data set's 3) and the reject limit (20 % instead of 1 %). The pool budget has its own class
 * ({@link PoolBudgetFunctionalTests}). On H2 and MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.time-zone=Europe/Berlin",
        "promise-ledger.min-sample=10", "promise-ledger.reject-limit-percent=20"})
abstract class BatchConfigSettingsFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");
    static final Path RULES = Path.of("rules");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    CsvExports exports;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path temp;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void theCompanyTimeZoneDecidesWhichRowsBelongToTheQuarter() throws IOException {
        RunOutcome outcome = runner.run(Q3, SMALL, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.rejects(Q3, temp.resolve("rejects.csv"));
        // in Berlin 2026-06-30T23:59:59Z (R901) and 2026-07-01T00:30+02:00 (R902) are July 1st, inside the quarter;
        // 2026-09-30T20:00-03:00 (K006) and 2026-10-01T01:30+02:00 (R067) are October 1st, outside it
        assertThat(CsvFiles.rows(temp.resolve("rejects.csv"), "file", "line", "reason")).containsExactly(
                "contacts.csv,7,OUT_OF_PERIOD", "contacts.csv,22,OUT_OF_PERIOD", "contacts.csv,23,OUT_OF_PERIOD",
                "surveys.csv,68,OUT_OF_PERIOD");
    }

    @Test
    void aMetricBelowMinSampleIsInsufficient() throws IOException {
        runner.run(Q3, SMALL, RULES, "hr.alice");

        exports.metrics(Q3, temp.resolve("metrics.csv"));
        // OK at min-sample 3 (jobs/small/expected-metrics.csv), INSUFFICIENT at 10; untouched by the time zone
        assertThat(CsvFiles.rows(temp.resolve("metrics.csv"))).contains(
                "2026-Q3,DEPARTMENT,D2,INTERNAL_SERVICE,50.0000,3,INSUFFICIENT",
                "2026-Q3,DEPARTMENT,D3,FCR,75.0000,8,INSUFFICIENT",
                "2026-Q3,SUBTREE,D4,INTERNAL_SERVICE,75.0000,5,INSUFFICIENT")
                .noneMatch(row -> row.contains(",D3,FCR,") && row.endsWith(",OK"));
    }

    @Test
    void rejectsUpToTheConfiguredLimitStillPay() throws IOException {
        Path input = copyWithBadSurveys(5); // 5 of 74 data rows = 6.8 %: past the default 1 %, within 20 %

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
    }

    @Test
    void rejectsPastTheConfiguredLimitRefuseTheRun() throws IOException {
        Path input = copyWithBadSurveys(20); // 20 of 89 data rows = 22.5 % > 20 %

        RunOutcome outcome = runner.run(Q3, input, RULES, "hr.alice");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.messages()).anySatisfy(m -> assertThat(m).startsWith("surveys.csv").contains("20"));
    }

    private Path copyWithBadSurveys(int count) throws IOException {
        Path input = temp.resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(SMALL)) {
            for (Path f : files.toList()) {
                Files.copy(f, input.resolve(f.getFileName().toString()));
            }
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < count; i++) {
            bad.append("R95").append(i).append(",C01,T1,2026-08-01T10:00:00Z,11,4,2\n");
        }
        Files.writeString(input.resolve("surveys.csv"), bad, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return input;
    }
}
