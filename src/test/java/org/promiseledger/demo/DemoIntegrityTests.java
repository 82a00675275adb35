package org.promiseledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.integrity.IntegrityExport;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo's last two quarters (seed 2026, as `demo` writes them) through the real job: the newcomer sees exactly one
 * signal, the gamed live chat's TOP_BOX_SURGE in 2026-Q3, and the ordinary quarter before has none.
 */
@OnH2
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false"})
class DemoIntegrityTests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    IntegrityExport export;

    @TempDir
    Path temp;

    @Test
    void theDemosLastQuarterShowsTheGamedLiveChatAndNothingElse() throws Exception {
        SampleCompany company = new SampleCompany(2026);
        Period q2 = Period.parse("2026-Q2");
        Period q3 = Period.parse("2026-Q3");
        run(company, q2, 2);
        run(company, q3, 3);

        export.export(q2, temp.resolve("q2.csv"));
        export.export(q3, temp.resolve("q3.csv"));
        assertThat(CsvFiles.rows(temp.resolve("q2.csv"))).isEmpty();
        assertThat(CsvFiles.rows(temp.resolve("q3.csv"), "period", "touchpoint_id", "department_id", "signal", "statistic",
                "p_value")).containsExactly("2026-Q3,T06,D04,TOP_BOX_SURGE,17.3191,0.000000");
        assertThat(CsvFiles.rows(temp.resolve("q3.csv"), "detail")).containsExactly(
                "66 % of answers were a 10 (749 of 1143), against 30 % in 2026-Q2 (344 of 1165); z = 17.32.");
    }

    private void run(SampleCompany company, Period quarter, int index) throws Exception {
        Path dir = temp.resolve(quarter.toString());
        company.writeQuarter(dir, quarter.firstDay(), index);
        RunOutcome outcome = runner.run(quarter, dir, Path.of("rules"), "demo");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
    }
}
