package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds per-touchpoint and per-provider counts up to the scopes that own them: the company (every touchpoint), the
 * owning department, and the subtree of the owner and of each department above it. Exact, since these counts add.
 * Every counter of a {@link Counter.RollUp} kind is summed, none named here.
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

    /** @param byProvider per providing department, its counts of the {@link Counter.RollUp#PROVIDERS} counters */
    static void providers(Map<String, ScopeCounts> byProvider, OrgChart org, Map<ScopeRef, ScopeCounts> counts) {
        byProvider.forEach((provider, from) -> {
            List<ScopeRef> scopes = new ArrayList<>();
            scopes.add(ScopeRef.department(provider));
            org.selfAndAncestors(provider).forEach(a -> scopes.add(ScopeRef.subtree(a)));
            for (ScopeRef scope : scopes) {
                counts.computeIfAbsent(scope, s -> new ScopeCounts()).addAll(from, Counter.RollUp.PROVIDERS);
            }
        });
    }

    /** The customers.csv counters, which only the company has. */
    static void companyCustomers(CompanyCustomers customers, Map<ScopeRef, ScopeCounts> counts) {
        ScopeCounts company = counts.computeIfAbsent(ScopeRef.COMPANY, s -> new ScopeCounts());
        company.set(Counter.ACTIVE_AT_START, customers.activeAtStart());
        company.set(Counter.ACTIVE_AT_END, customers.activeAtEnd());
        company.set(Counter.ACQUIRED_IN_PERIOD, customers.acquiredInPeriod());
    }

    private static void add(Map<ScopeRef, ScopeCounts> counts, ScopeRef scope, MetricAggregator.TouchpointCounts t) {
        ScopeCounts c = counts.computeIfAbsent(scope, s -> new ScopeCounts());
        ScopeCounts from = t.counts();
        c.addAll(from, Counter.RollUp.TOUCHPOINTS);
        if (from.get(Counter.CSAT_ANSWERS) > 0) {
            c.addChannel(t.channel(), from.get(Counter.CSAT_ANSWERS), from.get(Counter.SATISFIED));
        }
    }
}
