package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * @param providers   internal-service answers and score sums per providing department of the range
 * @param customers   distinct customers per scope, for this share of the customers only
 */
public record AggregationPart(int bucket, int buckets, List<TouchpointTally> touchpoints, List<ProviderTally> providers,
        List<CustomerTally> customers) {

    /** A touchpoint's survey, contact and complaint counts. */
    public record TouchpointTally(String touchpointId, long npsAnswers, long promoters, long detractors, long csatAnswers,
            long satisfied, long effortAnswers, long effortSum, long contacts, long resolved, long upheldComplaints) {
    }

    /** A providing department's internal survey answers and the sum of their scores. */
    public record ProviderTally(String departmentId, long answers, long scoreSum) {
    }

    /** A scope's distinct customers touched, churned (their last touchpoint its own), and either. */
    public record CustomerTally(ScopeKind kind, String departmentId, long touched, long churned, long touchedOrChurned) {
    }

    static AggregationPart of(int bucket, int buckets, Map<String, MetricAggregator.TouchpointCounts> touchpoints,
            Map<String, long[]> providers, Map<ScopeRef, ScopeCounts> customers) {
        List<TouchpointTally> touchpointTallies = new ArrayList<>();
        touchpoints.values().forEach(t -> {
            ScopeCounts c = t.counts();
            touchpointTallies.add(new TouchpointTally(t.touchpointId(), c.npsAnswers, c.promoters, c.detractors, c.csatAnswers,
                    c.satisfied, c.effortAnswers, c.effortSum, c.contacts, c.resolved, c.upheldComplaints));
        });
        List<ProviderTally> providerTallies = new ArrayList<>();
        providers.forEach((id, p) -> providerTallies.add(new ProviderTally(id, p[0], p[1])));
        List<CustomerTally> customerTallies = new ArrayList<>();
        customers.forEach((scope, c) -> customerTallies.add(new CustomerTally(scope.kind(), scope.departmentId(), c.customersTouched,
                c.churned, c.touchedOrChurned)));
        return new AggregationPart(bucket, buckets, touchpointTallies, providerTallies, customerTallies);
    }

    /**
     * Adds the parts into the run's touchpoints (which must be fresh, all counts zero), returns the internal-service
     * counts per provider, and adds the distinct customers into {@code counts}.
     *
     * @throws IllegalStateException when the parts do not cover every touchpoint once and every customer share once
     */
    static Map<String, long[]> addUp(List<AggregationPart> parts, Map<String, MetricAggregator.TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts) {
        Map<String, long[]> providers = new HashMap<>();
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
                ScopeCounts c = touchpoint.counts();
                c.npsAnswers = t.npsAnswers();
                c.promoters = t.promoters();
                c.detractors = t.detractors();
                c.csatAnswers = t.csatAnswers();
                c.satisfied = t.satisfied();
                c.effortAnswers = t.effortAnswers();
                c.effortSum = t.effortSum();
                c.contacts = t.contacts();
                c.resolved = t.resolved();
                c.upheldComplaints = t.upheldComplaints();
            }
            part.providers().forEach(p -> providers.put(p.departmentId(), new long[] {p.answers(), p.scoreSum()}));
            for (CustomerTally t : part.customers()) {
                ScopeCounts c = counts.computeIfAbsent(new ScopeRef(t.kind(), t.departmentId()), s -> new ScopeCounts());
                c.customersTouched += t.touched();
                c.churned += t.churned();
                c.touchedOrChurned += t.touchedOrChurned();
            }
        }
        if (counted.size() != touchpoints.size()) {
            throw new IllegalStateException("the aggregation parts counted " + counted.size() + " of " + touchpoints.size() + " touchpoints");
        }
        return providers;
    }
}
