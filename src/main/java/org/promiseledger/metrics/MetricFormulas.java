package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The metric definitions of docs/metrics.md as pure arithmetic on counts. Every division runs in DECIMAL128 and the
 * result is stored at {@value #STORED_SCALE} decimals, HALF_EVEN; scoring reads the stored value.
 */
public final class MetricFormulas {

    public static final int STORED_SCALE = 12;
    public static final MathContext MATH = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private MetricFormulas() {
    }

    /** % of promoters (9–10) minus % of detractors (0–6) over answers with an nps. */
    public static BigDecimal nps(long promoters, long detractors, long answers) {
        return ratio(BigDecimal.valueOf(promoters - detractors).multiply(HUNDRED), answers);
    }

    /** % of answers with csat 4–5. */
    public static BigDecimal csat(long satisfied, long answers) {
        return percent(satisfied, answers);
    }

    /** Mean effort, 1..7, lower is better. */
    public static BigDecimal ces(long effortSum, long answers) {
        return ratio(BigDecimal.valueOf(effortSum), answers);
    }

    /** % of contacts resolved at first contact. */
    public static BigDecimal fcr(long resolved, long contacts) {
        return percent(resolved, contacts);
    }

    /** Upheld complaints per 1,000 distinct customers touched. */
    public static BigDecimal complaintRate(long upheld, long customersTouched) {
        return ratio(BigDecimal.valueOf(upheld).multiply(THOUSAND), customersTouched);
    }

    /** Department or subtree: (1 − churned / (touched ∪ churned)) × 100. */
    public static BigDecimal departmentRetention(long churned, long touchedOrChurned) {
        return percent(touchedOrChurned - churned, touchedOrChurned);
    }

    /** Company: (active at end − acquired in period) / active at start × 100. */
    public static BigDecimal companyRetention(long activeAtEnd, long acquired, long activeAtStart) {
        return percent(activeAtEnd - acquired, activeAtStart);
    }

    /** 100 × (1 − (max − min of per-channel CSAT) / 100), over the channels that counted (at least two). */
    public static BigDecimal consistency(Collection<BigDecimal> channelCsats) {
        BigDecimal max = channelCsats.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min = channelCsats.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal spread = max.subtract(min, MATH).divide(HUNDRED, MATH);
        return stored(HUNDRED.multiply(BigDecimal.ONE.subtract(spread, MATH), MATH));
    }

    /** Mean internal score as provider, scaled (score − 1) / 4 × 100. */
    public static BigDecimal internalService(long scoreSum, long answers) {
        return ratio(BigDecimal.valueOf(scoreSum - answers).multiply(BigDecimal.valueOf(25)), answers);
    }

    /** An unrounded channel CSAT, used inside CONSISTENCY before the final value is stored. */
    static BigDecimal exactPercent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), MATH);
    }

    private static BigDecimal percent(long part, long whole) {
        return ratio(BigDecimal.valueOf(part).multiply(HUNDRED), whole);
    }

    private static BigDecimal ratio(BigDecimal numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("a metric needs at least one observation");
        }
        return stored(numerator.divide(BigDecimal.valueOf(denominator), MATH));
    }

    private static BigDecimal stored(BigDecimal value) {
        return value.setScale(STORED_SCALE, RoundingMode.HALF_EVEN);
    }
}
