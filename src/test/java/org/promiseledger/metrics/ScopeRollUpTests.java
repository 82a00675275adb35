package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The roll-up sums every counter of a kind without naming it: a counter added to {@link Counter} reaches the company,
 * the owner and every subtree above it, or (internal service) the provider and its subtrees, with no other edit.
 */
class ScopeRollUpTests {

    /** D1 at the top, D2 below it, D3 below D2. */
    private static final OrgChart ORG = new OrgChart(orgOf());

    private static Map<String, String> orgOf() {
        Map<String, String> parents = new HashMap<>();
        parents.put("D1", null);
        parents.put("D2", "D1");
        parents.put("D3", "D2");
        return parents;
    }

    private static List<Counter> ofKind(Counter.RollUp rollUp) {
        return Arrays.stream(Counter.values()).filter(c -> c.rollUp() == rollUp).toList();
    }

    @Test
    void everyTouchpointCounterReachesTheCompanyTheOwnerAndEverySubtreeAboveIt() {
        // given two touchpoints of D3 whose every touchpoint counter is distinct (ordinal + 1, then 10 × that)
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = new LinkedHashMap<>();
        for (int t = 1; t <= 2; t++) {
            ScopeCounts c = new ScopeCounts();
            for (Counter counter : ofKind(Counter.RollUp.TOUCHPOINTS)) {
                c.set(counter, (counter.ordinal() + 1) * (t == 1 ? 1 : 10));
            }
            touchpoints.put("T" + t, new MetricAggregator.TouchpointCounts("T" + t, "D3", t == 1 ? "PHONE" : "WEB", false, c));
        }
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();
        // when
        ScopeRollUp.touchpoints(touchpoints, ORG, counts);
        // then each of those scopes has the sum of both, 11 × (ordinal + 1), for every touchpoint counter
        for (ScopeRef scope : List.of(ScopeRef.COMPANY, ScopeRef.department("D3"), ScopeRef.subtree("D3"), ScopeRef.subtree("D2"),
                ScopeRef.subtree("D1"))) {
            for (Counter counter : ofKind(Counter.RollUp.TOUCHPOINTS)) {
                assertThat(counts.get(scope).get(counter)).as(counter + " of " + scope.label()).isEqualTo(11L * (counter.ordinal() + 1));
            }
        }
        assertThat(counts).doesNotContainKeys(ScopeRef.department("D1"), ScopeRef.department("D2"));
        assertThat(counts.get(ScopeRef.subtree("D1")).channelCsat()).containsOnlyKeys("PHONE", "WEB");
        assertThat(counts.get(ScopeRef.subtree("D1")).channelCsat().get("WEB")).containsExactly(
                10L * (Counter.CSAT_ANSWERS.ordinal() + 1), 10L * (Counter.SATISFIED.ordinal() + 1));
    }

    @Test
    void touchpointRollUpLeavesOtherKindsOfCounterAlone() {
        ScopeCounts c = new ScopeCounts();
        Arrays.stream(Counter.values()).forEach(counter -> c.set(counter, 7));
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();

        ScopeRollUp.touchpoints(Map.of("T1", new MetricAggregator.TouchpointCounts("T1", "D1", "PHONE", false, c)), ORG, counts);

        for (Counter counter : Counter.values()) {
            assertThat(counts.get(ScopeRef.COMPANY).get(counter)).as(counter.name())
                    .isEqualTo(counter.rollUp() == Counter.RollUp.TOUCHPOINTS ? 7 : 0);
        }
    }

    @Test
    void everyProviderCounterReachesTheProviderAndItsSubtreesButNotTheCompany() {
        ScopeCounts d2 = new ScopeCounts();
        ofKind(Counter.RollUp.PROVIDERS).forEach(counter -> d2.set(counter, counter.ordinal() + 1));
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();

        ScopeRollUp.providers(Map.of("D2", d2), ORG, counts);

        assertThat(counts).containsOnlyKeys(ScopeRef.department("D2"), ScopeRef.subtree("D2"), ScopeRef.subtree("D1"));
        counts.forEach((scope, c) -> ofKind(Counter.RollUp.PROVIDERS).forEach(counter ->
                assertThat(c.get(counter)).as(counter + " of " + scope.label()).isEqualTo(counter.ordinal() + 1)));
    }

    @Test
    void companyCustomersAreCountersOfTheCompanyOnly() {
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();

        ScopeRollUp.companyCustomers(new CompanyCustomers(90, 95, 10), counts);

        assertThat(counts).containsOnlyKeys(ScopeRef.COMPANY);
        assertThat(counts.get(ScopeRef.COMPANY).get(Counter.ACTIVE_AT_START)).isEqualTo(90);
        assertThat(counts.get(ScopeRef.COMPANY).get(Counter.ACTIVE_AT_END)).isEqualTo(95);
        assertThat(counts.get(ScopeRef.COMPANY).get(Counter.ACQUIRED_IN_PERIOD)).isEqualTo(10);
    }
}
