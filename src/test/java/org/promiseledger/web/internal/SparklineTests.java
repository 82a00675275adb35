package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a department's four quarters are drawn, and what the sparkline says in words. */
class SparklineTests {

    private static final List<String> QUARTERS = List.of("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");

    @Test
    void drawsFourQuartersLeftToRightWithTheHighestAtTheTop() {
        Sparkline s = Sparkline.of("CX index of D3", QUARTERS, values("0.8", "1.0", "1.2", "1.1"));

        assertThat(s.segments()).containsExactly("4.0,26.0 38.0,15.0 72.0,4.0 106.0,9.5");
        assertThat(s.dots()).extracting(Sparkline.Dot::heatClass).containsExactly("heat-08", "heat-10", "heat-12", "heat-11");
        assertThat(s.targetY()).isEqualTo("15.0");
        assertThat(s.text()).isEqualTo("CX index of D3, last four quarters: 2025-Q4 0.8000, 2026-Q1 1.0000, 2026-Q2 1.2000, 2026-Q3 1.1000");
    }

    @Test
    void aQuarterWithoutAFigureBreaksTheLineAndIsSaidToHaveNone() {
        Sparkline s = Sparkline.of("CX index of D9", QUARTERS, values("1.0", null, "1.1", "1.2"));

        assertThat(s.segments()).hasSize(1).allSatisfy(segment -> assertThat(segment.split(" ")).hasSize(2));
        assertThat(s.dots()).hasSize(3);
        assertThat(s.text()).contains("2026-Q1 none");
    }

    @Test
    void aFlatTrendIsDrawnFlatInTheMiddleNotStretchedToTheEdges() {
        Sparkline s = Sparkline.of("CX index of D4", QUARTERS, values("0.875", "0.875", "0.8751", "0.875"));

        assertThat(s.dots()).extracting(Sparkline.Dot::y).allSatisfy(y -> assertThat(Double.parseDouble(y)).isBetween(14.0, 16.0));
        assertThat(s.targetY()).as("widened to 0.7250..1.0251, which holds the target").isNotNull();
        assertThat(Sparkline.of("CX index of D5", QUARTERS, values("0.4", "0.45", "0.5", "0.4")).targetY())
                .as("the target is not drawn when far out of view").isNull();
    }

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(s -> s == null ? null : new BigDecimal(s)).toList();
    }
}
