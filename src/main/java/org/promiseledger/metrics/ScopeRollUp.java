package org.promiseledger.metrics;

import java.util.List;
import java.util.Map;

/**
 * Adds per-touchpoint and per-provider counts up to the scopes that own them: the company (every touchpoint), the
 * owning department, and the subtree of the owner and of each department above it. Exact, since these counts add.
 */
final class ScopeRollUp {

    private ScopeRollUp() {
    }

    static void touchpoints(Map<String, MetricAggregator.TouchpointCounts> touchpoints, OrgChart org, Map<ScopeRef, ScopeCounts> counts) {
        for (MetricAggregator.TouchpointCounts t : touchpoints.values()) {
            add(counts, ScopeRef.COMPANY, t);
            add(counts, ScopeRef.department(t.owner()), t);
            for (String ancestor : org.selfAndAncestors(t.owner())) {
                add(counts, ScopeRef.subtree(ancestor), t);
            }
        }
    }

    static void internalService(Map<String, long[]> byProvider, OrgChart org, Map<ScopeRef, ScopeCounts> counts) {
        byProvider.forEach((provider, answersAndSum) -> {
            List<ScopeRef> scopes = new java.util.ArrayList<>();
            scopes.add(ScopeRef.department(provider));
            org.selfAndAncestors(provider).forEach(a -> scopes.add(ScopeRef.subtree(a)));
            for (ScopeRef scope : scopes) {
                ScopeCounts c = counts.computeIfAbsent(scope, s -> new ScopeCounts());
                c.internalAnswers += answersAndSum[0];
                c.internalScoreSum += answersAndSum[1];
            }
        });
    }

    private static void add(Map<ScopeRef, ScopeCounts> counts, ScopeRef scope, MetricAggregator.TouchpointCounts t) {
        ScopeCounts c = counts.computeIfAbsent(scope, s -> new ScopeCounts());
        ScopeCounts from = t.counts();
        c.npsAnswers += from.npsAnswers;
        c.promoters += from.promoters;
        c.detractors += from.detractors;
        c.csatAnswers += from.csatAnswers;
        c.satisfied += from.satisfied;
        c.effortAnswers += from.effortAnswers;
        c.effortSum += from.effortSum;
        c.contacts += from.contacts;
        c.resolved += from.resolved;
        c.upheldComplaints += from.upheldComplaints;
        if (from.csatAnswers > 0) {
            long[] channel = c.channelCsat.computeIfAbsent(t.channel(), k -> new long[2]);
            channel[0] += from.csatAnswers;
            channel[1] += from.satisfied;
        }
    }
}
