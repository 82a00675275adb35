package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The 90 % adjusted-Wald interval of an NPS (docs/metrics.md, after Rocks 2016, MeasuringU): with n′ = n + 3,
 * p′ = (promoters + ¾)/n′ and d′ = (detractors + ¾)/n′, NPS′ = p′ − d′, se = √((p′ + d′ − (p′ − d′)²)/n′) and the
 * interval is (NPS′ ± 1.645·se) × 100, unrounded (DECIMAL128). A reader sees whether a change between quarters is more
 * than noise. Derived from a scope's stored counts ({@link MetricCountStore#npsIntervalOf}), never from the survey rows.
 */
public record NpsInterval(long promoters, long detractors, long answers, BigDecimal low, BigDecimal high) {

    private static final MathContext MATH = MathContext.DECIMAL128;
    private static final BigDecimal Z90 = new BigDecimal("1.645");
    private static final BigDecimal THREE_QUARTERS = new BigDecimal("0.75");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @throws IllegalArgumentException when the counts are negative or promoters + detractors exceed the answers */
    public static NpsInterval of(long promoters, long detractors, long answers) {
        if (promoters < 0 || detractors < 0 || promoters + detractors > answers) {
            throw new IllegalArgumentException("promoters " + promoters + " and detractors " + detractors
                    + " do not fit in " + answers + " answers");
        }
        BigDecimal n = BigDecimal.valueOf(answers + 3);
        BigDecimal p = BigDecimal.valueOf(promoters).add(THREE_QUARTERS).divide(n, MATH);
        BigDecimal d = BigDecimal.valueOf(detractors).add(THREE_QUARTERS).divide(n, MATH);
        BigDecimal nps = p.subtract(d, MATH);
        BigDecimal variance = p.add(d, MATH).subtract(nps.multiply(nps, MATH), MATH).divide(n, MATH);
        BigDecimal margin = Z90.multiply(variance.sqrt(MATH), MATH);
        return new NpsInterval(promoters, detractors, answers, nps.subtract(margin, MATH).multiply(HUNDRED, MATH),
                nps.add(margin, MATH).multiply(HUNDRED, MATH));
    }

    /** Whether a value (e.g. last quarter's NPS) lies inside the interval, bounds included; false for null. */
    public boolean contains(BigDecimal value) {
        return value != null && value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
    }
}
