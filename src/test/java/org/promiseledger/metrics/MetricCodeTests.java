package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Each metric's definition in one place (docs/metrics.md "Definitions"): direction, scopes, counters, empty without observations. */
class MetricCodeTests {

    @Test
    void onlyEffortAndComplaintRateAreBetterLower() {
        assertThat(Arrays.stream(MetricCode.values()).filter(m -> !m.higherIsBetter()))
                .containsExactlyInAnyOrder(MetricCode.CES, MetricCode.COMPLAINT_RATE);
    }

    @Test
    void theCompanyHasTheSevenExternalMetricsAndDepartmentsAndSubtreesAllEight() {
        assertThat(MetricCode.external()).hasSize(7).doesNotContain(MetricCode.INTERNAL_SERVICE);
        for (MetricCode m : MetricCode.values()) {
            assertThat(m.measuredFor(ScopeKind.DEPARTMENT)).isTrue();
            assertThat(m.measuredFor(ScopeKind.SUBTREE)).isTrue();
            assertThat(m.measuredFor(ScopeKind.COMPANY)).isEqualTo(m != MetricCode.INTERNAL_SERVICE);
        }
    }

    @Test
    void everyCounterIsReadBySomeMetric() {
        Set<Counter> read = EnumSet.noneOf(Counter.class);
        Arrays.stream(MetricCode.values()).forEach(m -> read.addAll(m.counters()));
        assertThat(read).containsExactlyInAnyOrder(Counter.values());
    }

    @Test
    void everyMetricIsEmptyAndInsufficientWithoutObservations() {
        for (ScopeKind kind : ScopeKind.values()) {
            for (MetricCode m : MetricCode.values()) {
                if (m.measuredFor(kind)) {
                    MetricCode.Measured measured = m.measure(kind, new ScopeCounts(), 1);
                    assertThat(measured.value()).as(m + " of " + kind).isNull();
                    assertThat(measured.sample()).isZero();
                    assertThat(measured.status()).isEqualTo(MetricStatus.INSUFFICIENT);
                }
            }
        }
    }

    @Test
    void npsReadsItsPromotersDetractorsAndAnswersAndPassivesAreTheRest() {
        ScopeCounts c = new ScopeCounts();
        c.set(Counter.NPS_ANSWERS, 20);
        c.set(Counter.PROMOTERS, 10);
        c.set(Counter.DETRACTORS, 5);

        assertThat(MetricCode.NPS.counters()).containsExactlyInAnyOrder(Counter.NPS_ANSWERS, Counter.PROMOTERS, Counter.DETRACTORS);
        assertThat(MetricCode.NPS.measure(ScopeKind.DEPARTMENT, c, 30).value()).isEqualByComparingTo("25");
        assertThat(c.passives()).isEqualTo(5);
        assertThat(MetricCountStore.npsInterval(c)).hasValueSatisfying(i -> {
            assertThat(i.low()).isEqualByComparingTo(NpsInterval.of(10, 5, 20).low());
            assertThat(i.high()).isEqualByComparingTo(NpsInterval.of(10, 5, 20).high());
        });
        assertThat(MetricCountStore.npsInterval(new ScopeCounts())).isEmpty();
    }
}
