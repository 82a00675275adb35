package org.promiseledger.web.internal;

import java.math.BigDecimal;

import org.promiseledger.metrics.NpsInterval;

/**
 * One metric of a scope as the scorecard shows it: what was measured, on how many answers, against which targets
 * (targetsOf: the department whose row applied, or COMPANY), what it attained and why ({@code reading}: on the
 * curve, or INSUFFICIENT with the fallback used). NPS carries its 90 % interval and, when the scope was measured
 * the quarter before, whether the change lies inside the interval.
 */
record MetricLine(String metric, BigDecimal value, long sampleSize, String status, BigDecimal threshold,
        BigDecimal target, BigDecimal stretch, String targetsOf, BigDecimal attainment, String basis, String reading,
        NpsInterval npsInterval, String npsChange, String lineRef, String lineLabel) {

    public boolean insufficient() {
        return "INSUFFICIENT".equals(status);
    }
}
