package org.promiseledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.promiseledger.demo.SampleCompany;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;

/** The demo company's 2026-Q3 (about 8,000 customers), written to a folder and run with the shipped rules. */
public final class DemoQuarter {

    private DemoQuarter() {
    }

    /** Writes the quarter's files into {@code folder}, runs it (it must succeed) and returns the run's id. */
    public static long run(QuarterlyRunner runner, Path folder) throws Exception {
        Period q3 = Period.parse("2026-Q3");
        new SampleCompany(2026).writeQuarter(folder, q3.firstDay(), 3);
        RunOutcome outcome = runner.run(q3, folder, Path.of("rules"), "demo");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        return outcome.runId();
    }
}
