package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What the workers of a remote run count — each a range of departments and a share of the customers — adds up,
 * touchpoint by touchpoint and scope by scope, to what one process counts, on the hand-worked small company (no broker
 * needed: the counting is called directly, as a worker's step does).
 */
@OnH2
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
class AggregationSharesOnH2Tests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    MetricAggregator aggregator;

    @Autowired
    AggregationPartCounter counter;

    @Test
    void threeRangesWithThreeCustomerSharesAddUpToWhatOneProcessCounts() {
        RunOutcome outcome = runner.run(Period.parse("2026-Q3"), Path.of("src/test/resources/jobs/small/input"), Path.of("rules"),
                "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        long runId = outcome.runId();
        OrgChart org = aggregator.orgChart(runId);

        Map<String, MetricAggregator.TouchpointCounts> local = aggregator.countsByTouchpoint(runId, Period.parse("2026-Q3"));
        Map<ScopeRef, ScopeCounts> localCounts = new HashMap<>();
        aggregator.countDistinctCustomers(runId, org, local, localCounts);
        Map<String, ScopeCounts> localProviders = aggregator.internalByProvider(runId);

        List<DepartmentRanges.Range> ranges = DepartmentRanges.cut(org.departments(), 3);
        List<AggregationPart> parts = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            parts.add(counter.count(runId, Period.parse("2026-Q3"), ranges.get(i)::contains, i, ranges.size()));
        }
        Map<String, MetricAggregator.TouchpointCounts> remote = aggregator.touchpoints(runId);
        Map<ScopeRef, ScopeCounts> remoteCounts = new HashMap<>();
        Map<String, ScopeCounts> remoteProviders = AggregationPart.addUp(parts, remote, remoteCounts);

        assertThat(ranges).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(p.customers()).as("every share has customers").isNotEmpty());
        assertThat(localCounts.get(ScopeRef.COMPANY).get(Counter.CUSTOMERS_TOUCHED)).as("customers touched").isPositive();
        local.forEach((id, t) -> assertThat(additive(remote.get(id).counts())).as(id).containsExactly(additive(t.counts())));
        TreeSet<ScopeRef> scopes = new TreeSet<>(localCounts.keySet());
        scopes.addAll(remoteCounts.keySet());
        for (ScopeRef scope : scopes) {
            assertThat(customers(remoteCounts.get(scope))).as(scope.label()).containsExactly(customers(localCounts.get(scope)));
        }
        assertThat(remoteProviders.keySet()).isEqualTo(localProviders.keySet());
        localProviders.forEach((id, c) -> assertThat(of(remoteProviders.get(id), Counter.RollUp.PROVIDERS)).as(id)
                .containsExactly(of(c, Counter.RollUp.PROVIDERS)));
    }

    /** Every counter of one roll-up kind, in Counter order; zeros for a scope that was not counted. */
    private static long[] of(ScopeCounts c, Counter.RollUp rollUp) {
        return java.util.Arrays.stream(Counter.values()).filter(k -> k.rollUp() == rollUp)
                .mapToLong(k -> c == null ? 0 : c.get(k)).toArray();
    }

    private static long[] additive(ScopeCounts c) {
        return of(c, Counter.RollUp.TOUCHPOINTS);
    }

    private static long[] customers(ScopeCounts c) {
        return of(c, Counter.RollUp.DISTINCT_CUSTOMERS);
    }
}
