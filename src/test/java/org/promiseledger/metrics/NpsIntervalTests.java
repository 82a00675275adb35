package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/** docs/metrics.md's adjusted-Wald interval, worked by hand. */
class NpsIntervalTests {

    @Test
    void computesTheAdjustedWaldNinetyPercentInterval() {
        // 10 promoters, 5 detractors of 20: n' = 23, p' = 10.75/23 = 0.4673913, d' = 5.75/23 = 0.25,
        // NPS' = 0.2173913, se = sqrt((0.7173913 - 0.2173913^2)/23) = 0.1706932, margin = 1.645 se = 0.2807903,
        // interval (0.2173913 -/+ 0.2807903) x 100
        NpsInterval interval = NpsInterval.of(10, 5, 20);

        assertThat(four(interval.low())).isEqualTo("-6.3399");
        assertThat(four(interval.high())).isEqualTo("49.8182");
    }

    @Test
    void isCentredOnTheAdjustedNpsNotTheRawOne() {
        // all 4 answers promoters: raw NPS 100, adjusted NPS' = (4.75 - 0.75)/7 = 57.14, and the interval stays inside
        NpsInterval interval = NpsInterval.of(4, 0, 4);

        BigDecimal centre = interval.low().add(interval.high()).divide(BigDecimal.valueOf(2));
        assertThat(four(centre)).isEqualTo("57.1429");
        assertThat(interval.high()).isLessThan(BigDecimal.valueOf(100));
    }

    @Test
    void narrowsAsTheSampleGrows() {
        NpsInterval small = NpsInterval.of(5, 2, 10);
        NpsInterval large = NpsInterval.of(500, 200, 1000);

        assertThat(large.high().subtract(large.low())).isLessThan(small.high().subtract(small.low()));
    }

    @Test
    void tellsWhetherAnotherQuartersNpsLiesInside() {
        NpsInterval interval = NpsInterval.of(10, 5, 20);

        assertThat(interval.contains(new BigDecimal("25"))).isTrue();
        assertThat(interval.contains(new BigDecimal("-10"))).isFalse();
        assertThat(interval.contains(null)).isFalse();
    }

    @Test
    void refusesCountsThatDoNotAddUp() {
        assertThatThrownBy(() -> NpsInterval.of(8, 5, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String four(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
