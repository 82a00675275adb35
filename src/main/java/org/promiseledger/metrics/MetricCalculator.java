package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scope's counts into its metric rows: value, sample size and status, as each {@link MetricCode} defines them.
 * The company has the seven external metrics; every department and subtree has those plus INTERNAL_SERVICE.
 */
final class MetricCalculator {

    private final int minSample;

    MetricCalculator(int minSample) {
        this.minSample = minSample;
    }

    /** @param c the scope's counts; the company's include the customers.csv counters (see {@link ScopeRollUp#companyCustomers}) */
    List<DepartmentMetric> metricsOf(ScopeRef scope, ScopeCounts c) {
        List<DepartmentMetric> rows = new ArrayList<>();
        for (MetricCode code : MetricCode.values()) {
            if (code.measuredFor(scope.kind())) {
                MetricCode.Measured m = code.measure(scope.kind(), c, minSample);
                rows.add(new DepartmentMetric(scope, code, m.value(), m.sample(), m.status()));
            }
        }
        return rows;
    }

    /** CSAT below the company's CSAT threshold, on enough answers, caps the CX index of every scope owning it. */
    MomentOfTruthCheck momentOfTruth(String touchpointId, String owner, long answers, long satisfied, BigDecimal companyThreshold) {
        BigDecimal csat = answers > 0 ? MetricFormulas.csat(satisfied, answers) : null;
        boolean fired = companyThreshold != null && answers >= minSample && csat.compareTo(companyThreshold) < 0;
        return new MomentOfTruthCheck(touchpointId, owner, csat, answers, companyThreshold, fired);
    }
}
