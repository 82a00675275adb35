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

    private static AggregationPart first() {
        return new AggregationPart(0, 2,
                List.of(new AggregationPart.TouchpointTally("T1", 10, 4, 3, 8, 6, 5, 17, 20, 15, 2)),
                List.of(new AggregationPart.ProviderTally("D1", 7, 30)),
                List.of(new AggregationPart.CustomerTally(ScopeKind.COMPANY, ScopeRef.COMPANY_ID, 3, 1, 4),
                        new AggregationPart.CustomerTally(ScopeKind.DEPARTMENT, "D1", 2, 1, 3)));
    }

    private static AggregationPart second() {
        return new AggregationPart(1, 2,
                List.of(new AggregationPart.TouchpointTally("T2", 1, 1, 0, 2, 2, 0, 0, 3, 1, 0)),
                List.of(),
                List.of(new AggregationPart.CustomerTally(ScopeKind.COMPANY, ScopeRef.COMPANY_ID, 4, 0, 4),
                        new AggregationPart.CustomerTally(ScopeKind.DEPARTMENT, "D1", 1, 0, 1)));
    }

    @Test
    void partsAddUpTouchpointByTouchpointAndDistinctCustomersShareByShare() {
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = touchpoints();
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();

        Map<String, long[]> providers = AggregationPart.addUp(List.of(second(), first()), touchpoints, counts);

        ScopeCounts t1 = touchpoints.get("T1").counts();
        assertThat(List.of(t1.npsAnswers, t1.promoters, t1.detractors, t1.csatAnswers, t1.satisfied, t1.effortAnswers,
                t1.effortSum, t1.contacts, t1.resolved, t1.upheldComplaints)).containsExactly(10L, 4L, 3L, 8L, 6L, 5L, 17L, 20L, 15L, 2L);
        assertThat(touchpoints.get("T2").counts().contacts).isEqualTo(3);
        assertThat(providers.get("D1")).containsExactly(7, 30);
        assertThat(counts.get(ScopeRef.COMPANY).customersTouched).isEqualTo(7);
        assertThat(counts.get(ScopeRef.COMPANY).touchedOrChurned).isEqualTo(8);
        assertThat(counts.get(ScopeRef.department("D1")).customersTouched).isEqualTo(3);
        assertThat(counts.get(ScopeRef.department("D1")).churned).isEqualTo(1);
    }

    @Test
    void aMissingShareOfTheCustomersIsRefused() {
        assertThatThrownBy(() -> AggregationPart.addUp(List.of(first()), touchpoints(), new HashMap<>()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not fit");
    }

    @Test
    void aTouchpointCountedByTwoPartsIsRefused() {
        AggregationPart twice = new AggregationPart(1, 2,
                List.of(new AggregationPart.TouchpointTally("T1", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)), List.of(), List.of());
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
