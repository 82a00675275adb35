package org.promiseledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.demo.ReferenceWorkload;
import org.promiseledger.period.Period;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The bench at a small scale (seconds): it runs the real job on the reference workload and reports its figures. */
@SpringBootTest(properties = "promise-ledger.cli.enabled=false")
@OnH2
class BenchSmokeTests {

    @Autowired
    Bench bench;

    @TempDir
    Path workload;

    @Test
    void benchRunsTheReferenceWorkloadAndPrintsItsFigures() throws Exception {
        new ReferenceWorkload(2026).write(workload, 20_000);

        BenchReport report = bench.run(workload, Path.of("rules"), Period.parse("2026-Q3"), "bench");

        assertThat(report.exitCode()).as(String.join("\n", report.messages())).isZero();
        assertThat(report.rows()).isEqualTo(20_000);
        assertThat(report.steps()).extracting(BenchReport.StepFigures::step)
                .contains("ingestSurveysStep", "aggregateMetricsStep", "scoreEmployeesStep");
        assertThat(report.steps()).filteredOn(s -> s.step().equals("scoreEmployeesStep"))
                .singleElement().satisfies(s -> assertThat(s.rows()).isEqualTo(20_000));
        assertThat(report.peakHeapBytes()).isPositive();
        assertThat(report.summaryLine()).matches(
                "bench: rows 20000, total \\d+\\.\\d s, ingest/LOAD DATA n/a, scoring \\d+\\.\\d s, peak heap \\d+ MB");
    }
}
