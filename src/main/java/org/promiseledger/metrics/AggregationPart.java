package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one aggregation partition of a remote run counted: the additive counts of the touchpoints and internal-service
 * providers owned by its range of departments, and the distinct customers of its share of the customers (customer id
 * hash {@code bucket} of {@code buckets}) per scope. Every number is a plain count, so the run adds the parts up and
 * gets exactly what one process counts; distinct customers are split by customer, never by department, because a
 * customer who touched two departments is one customer of the subtree and of the company.
 *
 * @param bucket      this part's share of the customers, 0 … buckets − 1
 * @param buckets     how many shares the customers were split into (the number of partitions)
 * @param touchpoints every touchpoint owned by the range, counts zero included
 * @param providers   internal-service counts per providing department of the range
 * @param customers   distinct customers per scope, for this share of the customers only
 * <p>Each tally holds its counters by {@link Counter} name (only those of its {@link Counter.RollUp}), so a counter
 * added to {@link Counter} travels through remote partitions with no change here.
 */
public record AggregationPart(int bucket, int buckets, List<TouchpointTally> touchpoints, List<ProviderTally> providers,
        List<CustomerTally> customers) {

    /** A touchpoint's survey, contact and complaint counts ({@link Counter.RollUp#TOUCHPOINTS}). */
    public record TouchpointTally(String touchpointId, Map<String, Long> counts) {
    }

    /** A providing department's internal-service counts ({@link Counter.RollUp#PROVIDERS}). */
    public record ProviderTally(String departmentId, Map<String, Long> counts) {
    }

    /** A scope's distinct customers ({@link Counter.RollUp#DISTINCT_CUSTOMERS}) within this share of the customers. */
    public record CustomerTally(ScopeKind kind, String departmentId, Map<String, Long> counts) {
    }

    static AggregationPart of(int bucket, int buckets, Map<String, MetricAggregator.TouchpointCounts> touchpoints,
            Map<String, ScopeCounts> providers, Map<ScopeRef, ScopeCounts> customers) {
        List<TouchpointTally> touchpointTallies = new ArrayList<>();
        touchpoints.values().forEach(t -> touchpointTallies.add(
                new TouchpointTally(t.touchpointId(), tally(t.counts(), Counter.RollUp.TOUCHPOINTS))));
        List<ProviderTally> providerTallies = new ArrayList<>();
        providers.forEach((id, c) -> providerTallies.add(new ProviderTally(id, tally(c, Counter.RollUp.PROVIDERS))));
        List<CustomerTally> customerTallies = new ArrayList<>();
        customers.forEach((scope, c) -> customerTallies.add(new CustomerTally(scope.kind(), scope.departmentId(),
                tally(c, Counter.RollUp.DISTINCT_CUSTOMERS))));
        return new AggregationPart(bucket, buckets, touchpointTallies, providerTallies, customerTallies);
    }

    private static Map<String, Long> tally(ScopeCounts counts, Counter.RollUp rollUp) {
        Map<String, Long> tally = new TreeMap<>();
        for (Counter counter : Counter.values()) {
            if (counter.rollUp() == rollUp) {
                tally.put(counter.name(), counts.get(counter));
            }
        }
        return tally;
    }

    private static void add(ScopeCounts into, Map<String, Long> tally) {
        tally.forEach((name, value) -> {
            Counter counter = Counter.valueOf(name);
            into.set(counter, into.get(counter) + value);
        });
    }

    /**
     * Adds the parts into the run's touchpoints (which must be fresh, all counts zero), returns the internal-service
     * counts per provider, and adds the distinct customers into {@code counts}.
     *
     * @throws IllegalStateException when the parts do not cover every touchpoint once and every customer share once
     */
    static Map<String, ScopeCounts> addUp(List<AggregationPart> parts, Map<String, MetricAggregator.TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts) {
        Map<String, ScopeCounts> providers = new HashMap<>();
        java.util.Set<String> counted = new java.util.HashSet<>();
        java.util.BitSet shares = new java.util.BitSet();
        for (AggregationPart part : parts) {
            if (part.buckets() != parts.size() || shares.get(part.bucket())) {
                throw new IllegalStateException("aggregation part " + part.bucket() + " of " + part.buckets()
                        + " does not fit the " + parts.size() + " parts stored");
            }
            shares.set(part.bucket());
            for (TouchpointTally t : part.touchpoints()) {
                MetricAggregator.TouchpointCounts touchpoint = touchpoints.get(t.touchpointId());
                if (touchpoint == null || !counted.add(t.touchpointId())) {
                    throw new IllegalStateException("touchpoint " + t.touchpointId() + " is unknown or counted twice");
                }
                add(touchpoint.counts(), t.counts());
            }
            part.providers().forEach(p -> add(providers.computeIfAbsent(p.departmentId(), d -> new ScopeCounts()), p.counts()));
            for (CustomerTally t : part.customers()) {
                add(counts.computeIfAbsent(new ScopeRef(t.kind(), t.departmentId()), s -> new ScopeCounts()), t.counts());
            }
        }
        if (counted.size() != touchpoints.size()) {
            throw new IllegalStateException("the aggregation parts counted " + counted.size() + " of " + touchpoints.size() + " touchpoints");
        }
        return providers;
    }
}
