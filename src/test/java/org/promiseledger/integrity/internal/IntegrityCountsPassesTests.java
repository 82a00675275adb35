package org.promiseledger.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.metrics.CustomerPassReads;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.support.DemoQuarter;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The respondent counts are taken in customer-hash passes; split into several passes, the demo quarter's counts must
 * be exactly those of one pass, touchpoint by touchpoint (each customer is counted in exactly one pass); and the
 * counts kept while aggregation read the rows must be exactly those counted from the rows again.
 */
@OnH2
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false"})
class IntegrityCountsPassesTests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    IntegrityCounts counts;

    @Autowired
    CustomerPassReads surveys;

    @Autowired
    RespondentCountStore store;

    @TempDir
    Path temp;

    @Test
    void severalCustomerPassesAddUpToOnePass() throws Exception {
        long runId = runDemoQuarter();
        int customers = surveys.passes(runId, 1);

        IntegrityCounts.RespondentCounts one = counts.respondentCounts(runId, customers);
        IntegrityCounts.RespondentCounts seven = counts.respondentCounts(runId, customers / 7 + 1);

        assertThat(surveys.passes(runId, customers / 7 + 1)).isEqualTo(7);
        assertThat(one.contacts().values()).anySatisfy(row -> assertThat(row[2]).isPositive());
        assertThat(one.repeats().values()).anySatisfy(row -> assertThat(row[2]).isPositive());
        assertThat(text(seven.contacts())).isEqualTo(text(one.contacts()));
        assertThat(text(seven.repeats())).isEqualTo(text(one.repeats()));
    }

    @Test
    void countsKeptWhileAggregationReadTheRowsAreThoseCountedFromTheRowsAgain() throws Exception {
        long runId = runDemoQuarter();

        IntegrityCounts.RespondentCounts kept = store.of(runId).orElseThrow();
        IntegrityCounts.RespondentCounts counted = counts.respondentCounts(runId, surveys.passes(runId, 1));

        assertThat(kept.contacts().values()).anySatisfy(row -> assertThat(row[2]).isPositive());
        assertThat(text(kept.contacts())).isEqualTo(text(counted.contacts()));
        assertThat(text(kept.repeats())).isEqualTo(text(counted.repeats()));
    }

    /** Runs the demo company's 2026-Q3 and returns the run's id. */
    private long runDemoQuarter() throws Exception {
        return DemoQuarter.run(runner, temp);
    }

    private static Map<String, String> text(Map<String, long[]> counts) {
        Map<String, String> text = new TreeMap<>();
        counts.forEach((touchpoint, row) -> text.put(touchpoint, java.util.Arrays.toString(row)));
        return text;
    }
}
