package org.promiseledger.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.promiseledger.period.Period;
import org.springframework.stereotype.Component;

/**
 * A worker's share of a remote run's aggregation: the additive counts of the touchpoints and providers owned by a
 * range of departments, and the distinct customers of one share of the customers. The same counts as a run counted
 * in one process, restricted; the run adds the parts up ({@link AggregateMetricsTasklet}).
 */
@Component
public class AggregationPartCounter {

    private final MetricAggregator aggregator;

    AggregationPartCounter(MetricAggregator aggregator) {
        this.aggregator = aggregator;
    }

    /**
     * @param runId         the run, whose input is ingested and whose survey exclusions are fixed
     * @param period        the run's quarter
     * @param ownedByRange  whether a department id belongs to this partition's range
     * @param bucket        this partition's share of the customers, 0 … buckets − 1
     * @param buckets       the number of shares (the partitions of the run)
     */
    public AggregationPart count(long runId, Period period, Predicate<String> ownedByRange, int bucket, int buckets) {
        OrgChart org = aggregator.orgChart(runId);
        Map<String, MetricAggregator.TouchpointCounts> all = aggregator.touchpoints(runId);
        Map<String, MetricAggregator.TouchpointCounts> owned = new LinkedHashMap<>();
        all.forEach((id, t) -> {
            if (ownedByRange.test(t.owner())) {
                owned.put(id, t);
            }
        });
        aggregator.count(runId, period, owned);
        Map<String, ScopeCounts> providers = new HashMap<>();
        aggregator.internalByProvider(runId).forEach((provider, counts) -> {
            if (ownedByRange.test(provider)) {
                providers.put(provider, counts);
            }
        });
        Map<ScopeRef, ScopeCounts> customers = new HashMap<>();
        aggregator.countDistinctCustomers(runId, org, all, customers, bucket, buckets);
        return AggregationPart.of(bucket, buckets, owned, providers, customers);
    }
}
