package org.promiseledger.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The run summary names who joined, left, moved, was promoted or got a raise, with the segments they were paid on. */
@OnH2
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
class MidQuarterSummaryTests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    MidQuarterSummary summary;

    @Test
    void listsEveryEmployeeWithSegmentsInHrWordsWithTheirPay() {
        Period q3 = Period.parse("2026-Q3");
        RunOutcome outcome = runner.run(q3, Path.of("src/test/resources/jobs/history/input"), Path.of("rules"), "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), registry.find(outcome.runId()).orElseThrow());

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Mid-quarter changes (paid per segment, pro rata to its days of 92");
        assertThat(text.lines().filter(l -> l.startsWith("  E")).map(String::strip).map(l -> l.replaceAll(" {2,}", "  ")))
                .containsExactly(
                        "E10  transfer  D3 STAFF 2026-07-01..2026-07-31 (31 d) | D4 STAFF 2026-08-01..2026-09-30 (61 d)  paid 7,992.83",
                        "E12  promotion  D1 STAFF 2026-07-01..2026-08-15 (46 d) | D1 EXECUTIVE 2026-08-16..2026-09-30 (46 d)  paid 2,007.42",
                        "E13  joined 2026-09-01  D10 STAFF 2026-09-01..2026-09-30 (30 d)  paid 1,148.25",
                        "E7  pay change  D10 STAFF 2026-07-01..2026-08-31 (62 d) | D10 STAFF 2026-09-01..2026-09-30 (30 d)  paid 4,206.64",
                        "E8  left 2026-07-20  D10 STAFF 2026-07-01..2026-07-20 (20 d)  paid 392.32",
                        "E9  promotion  D2 STAFF 2026-07-01..2026-08-31 (62 d) | D2 MANAGER 2026-09-01..2026-09-30 (30 d)  paid 3,505.45");
    }
}
