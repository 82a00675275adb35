package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.promiseledger.metrics.ScopeRef;

/** How one stored metric reads in the heatmap: its colour step, its marks and its words. */
class HeatCellTests {

    @Test
    void coloursByTheNearestTenthOfTheZeroToOneAndAHalfScale() {
        assertThat(HeatCell.heatClass(new BigDecimal("0"))).isEqualTo("heat-00");
        assertThat(HeatCell.heatClass(new BigDecimal("0.5"))).isEqualTo("heat-05");
        assertThat(HeatCell.heatClass(new BigDecimal("0.96875"))).isEqualTo("heat-10");
        assertThat(HeatCell.heatClass(new BigDecimal("0.75"))).as("half way rounds up").isEqualTo("heat-08");
        assertThat(HeatCell.heatClass(new BigDecimal("1.5"))).isEqualTo("heat-15");
        assertThat(HeatCell.heatClass(new BigDecimal("1.9"))).as("beyond the scale stays at its end").isEqualTo("heat-15");
        assertThat(HeatCell.heatClass(null)).isEqualTo("heat-none");
    }

    @Test
    void marksAThinSampleThatBorrowsTheCompanyAttainmentAndSaysSoInWords() {
        AttainedMetric fcr = new AttainedMetric(ScopeRef.department("D2"), "FCR", new BigDecimal("50.0000000000"), 2, "INSUFFICIENT",
                new BigDecimal("1.25"), "COMPANY_FALLBACK");

        HeatCell cell = HeatCell.of(fcr, "department D2 Retail");

        assertThat(cell.shown()).isEqualTo("1.25");
        assertThat(cell.mark()).isEqualTo("*↩");
        assertThat(cell.cssClass()).isEqualTo("heat heat-13 thin borrowed");
        assertThat(cell.text()).isEqualTo("FCR of department D2 Retail: attainment 1.2500; value 50.0000, sample 2, INSUFFICIENT;"
                + " uses the company attainment");
    }

    @Test
    void aMetricOnTheCurveCarriesNoMarkAndOneNotScoredShowsADash() {
        HeatCell nps = HeatCell.of(new AttainedMetric(ScopeRef.COMPANY, "NPS", new BigDecimal("35"), 60, "OK", new BigDecimal("1.375"),
                "CURVE"), "the company");
        HeatCell internal = HeatCell.of(new AttainedMetric(ScopeRef.subtree("D3"), "INTERNAL_SERVICE", null, 0, "INSUFFICIENT", null,
                null), "subtree D3 Digital");

        assertThat(nps.mark()).isEmpty();
        assertThat(nps.cssClass()).isEqualTo("heat heat-14");
        assertThat(nps.shown()).as("2 places, HALF_EVEN").isEqualTo("1.38");
        assertThat(internal.shown()).isEqualTo("—");
        assertThat(internal.cssClass()).isEqualTo("heat heat-none thin");
        assertThat(internal.text()).isEqualTo("INTERNAL_SERVICE of subtree D3 Digital: not scored; value —, sample 0, INSUFFICIENT");
        assertThat(HeatCell.missing("INTERNAL_SERVICE", "the company").text())
                .isEqualTo("INTERNAL_SERVICE of the company: not measured for this scope");
    }

    @Test
    void aCappedOrBorrowedCxIndexIsMarked() {
        assertThat(HeatCell.cx(new AttainedMetricReader.StoredCx(BigDecimal.ONE, "MOMENT_OF_TRUTH_CAP"), "department D10").mark())
                .isEqualTo("†");
        assertThat(HeatCell.cx(new AttainedMetricReader.StoredCx(new BigDecimal("1.196875"), "COMPANY_CX"), "department D1").mark())
                .isEqualTo("↩");
        assertThat(HeatCell.cx(null, "department D9").text()).isEqualTo("CX index of department D9: none stored");
        assertThat(HeatCell.cx(new AttainedMetricReader.StoredCx(BigDecimal.ONE, "MOMENT_OF_TRUTH_CAP"), "department D10").text())
                .isEqualTo("CX index of department D10: 1.0000; capped at 1.0 because a moment-of-truth touchpoint it owns failed its check");
        HeatCell weighted = HeatCell.cx(new AttainedMetricReader.StoredCx(new BigDecimal("0.875"), "WEIGHTED_METRICS"), "department D4");
        assertThat(weighted.text()).isEqualTo("CX index of department D4: 0.8750");
        assertThat(weighted.cssClass()).isEqualTo("heat cx heat-09");
    }

    @Test
    void filtersTakeOnlyTheFixedWordsAndLetAnEmptyOneThrough() {
        MetricFilter filter = MetricFilter.of("DEPARTMENT", " D2 ", "", "INSUFFICIENT");
        AttainedMetric d2 = new AttainedMetric(ScopeRef.department("D2"), "FCR", null, 2, "INSUFFICIENT", null, null);

        assertThat(filter.active()).isTrue();
        assertThat(filter.apply(List.of(d2, new AttainedMetric(ScopeRef.subtree("D2"), "FCR", null, 2, "INSUFFICIENT", null, null))))
                .containsExactly(d2);
        assertThat(MetricFilter.of(null, "", " ", null).active()).isFalse();
        assertThatThrownBy(() -> MetricFilter.of("TEAM", null, null, null)).isInstanceOf(BadRequestException.class)
                .hasMessage("scope 'TEAM' is not one of COMPANY, DEPARTMENT, SUBTREE");
        assertThatThrownBy(() -> MetricFilter.of(null, null, "nps", null)).isInstanceOf(BadRequestException.class);
    }
}
