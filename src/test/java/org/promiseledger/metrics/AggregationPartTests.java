package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The parts of a remote run's aggregation add up to the counts one process makes, and incomplete parts are refused. */
class AggregationPartTests {

    private static Map<String, MetricAggregator.TouchpointCounts> touchpoints() {
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = new LinkedHashMap<>();
        touchpoints.put("T1", new MetricAggregator.TouchpointCounts("T1", "D1", "WEB", true, new ScopeCounts()));
        touchpoints.put("T2", new MetricAggregator.TouchpointCounts("T2", "D2", "PHONE", false, new ScopeCounts()));
        return touchpoints;
    }

    private static final List<Counter> TOUCHPOINT_COUNTERS = List.of(Counter.NPS_ANSWERS, Counter.PROMOTERS, Counter.DETRACTORS,
            Counter.CSAT_ANSWERS, Counter.SATISFIED, Counter.EFFORT_ANSWERS, Counter.EFFORT_SUM, Counter.CONTACTS,
            Counter.RESOLVED, Counter.UPHELD_COMPLAINTS);

    private static AggregationPart.TouchpointTally touchpoint(String id, long... values) {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            counts.put(TOUCHPOINT_COUNTERS.get(i).name(), values[i]);
        }
        return new AggregationPart.TouchpointTally(id, counts);
    }

    private static AggregationPart.CustomerTally customers(ScopeKind kind, String departmentId, long touched, long churned,
            long either) {
        return new AggregationPart.CustomerTally(kind, departmentId, Map.of(Counter.CUSTOMERS_TOUCHED.name(), touched,
                Counter.CHURNED.name(), churned, Counter.TOUCHED_OR_CHURNED.name(), either));
    }

    private static AggregationPart first() {
        return new AggregationPart(0, 2,
                List.of(touchpoint("T1", 10, 4, 3, 8, 6, 5, 17, 20, 15, 2)),
                List.of(new AggregationPart.ProviderTally("D1", Map.of(Counter.INTERNAL_ANSWERS.name(), 7L, Counter.INTERNAL_SCORE_SUM.name(), 30L))),
                List.of(customers(ScopeKind.COMPANY, ScopeRef.COMPANY_ID, 3, 1, 4),
                        customers(ScopeKind.DEPARTMENT, "D1", 2, 1, 3)));
    }

    private static AggregationPart second() {
        return new AggregationPart(1, 2,
                List.of(touchpoint("T2", 1, 1, 0, 2, 2, 0, 0, 3, 1, 0)),
                List.of(),
                List.of(customers(ScopeKind.COMPANY, ScopeRef.COMPANY_ID, 4, 0, 4),
                        customers(ScopeKind.DEPARTMENT, "D1", 1, 0, 1)));
    }

    @Test
    void partsAddUpTouchpointByTouchpointAndDistinctCustomersShareByShare() {
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = touchpoints();
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();

        Map<String, ScopeCounts> providers = AggregationPart.addUp(List.of(second(), first()), touchpoints, counts);

        ScopeCounts t1 = touchpoints.get("T1").counts();
        assertThat(TOUCHPOINT_COUNTERS.stream().map(t1::get).toList()).containsExactly(10L, 4L, 3L, 8L, 6L, 5L, 17L, 20L, 15L, 2L);
        assertThat(touchpoints.get("T2").counts().get(Counter.CONTACTS)).isEqualTo(3);
        assertThat(providers.get("D1").get(Counter.INTERNAL_ANSWERS)).isEqualTo(7);
        assertThat(providers.get("D1").get(Counter.INTERNAL_SCORE_SUM)).isEqualTo(30);
        assertThat(counts.get(ScopeRef.COMPANY).get(Counter.CUSTOMERS_TOUCHED)).isEqualTo(7);
        assertThat(counts.get(ScopeRef.COMPANY).get(Counter.TOUCHED_OR_CHURNED)).isEqualTo(8);
        assertThat(counts.get(ScopeRef.department("D1")).get(Counter.CUSTOMERS_TOUCHED)).isEqualTo(3);
        assertThat(counts.get(ScopeRef.department("D1")).get(Counter.CHURNED)).isEqualTo(1);
    }

    @Test
    void aMissingShareOfTheCustomersIsRefused() {
        assertThatThrownBy(() -> AggregationPart.addUp(List.of(first()), touchpoints(), new HashMap<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit");
    }

    @Test
    void aTouchpointCountedByTwoPartsIsRefused() {
        AggregationPart twice = new AggregationPart(1, 2,
                List.of(touchpoint("T1", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)), List.of(), List.of());
        assertThatThrownBy(() -> AggregationPart.addUp(List.of(first(), twice), touchpoints(), new HashMap<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("counted twice");
    }

    @Test
    void aTouchpointNoPartCountedIsRefused() {
        AggregationPart none = new AggregationPart(1, 2, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> AggregationPart.addUp(List.of(first(), none), touchpoints(), new HashMap<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2 touchpoints");
    }
}
