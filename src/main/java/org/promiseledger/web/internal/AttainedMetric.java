package org.promiseledger.web.internal;

import java.math.BigDecimal;

import org.promiseledger.metrics.ScopeRef;

/**
 * One metric of one scope as a run stored it (department_metrics) with what the rules made of it (metric_attainment):
 * attainment and basis are null when the rules scored nothing for it (no target row, or nothing to borrow).
 */
record AttainedMetric(ScopeRef scope, String metric, BigDecimal value, long sampleSize, String status, BigDecimal attainment,
        String basis) {

    static final String INSUFFICIENT = "INSUFFICIENT";
    static final String COMPANY_FALLBACK = "COMPANY_FALLBACK";

    boolean insufficient() {
        return INSUFFICIENT.equals(status);
    }

    /** The scope borrowed the company's attainment (its own sample was too thin). */
    boolean fallback() {
        return COMPANY_FALLBACK.equals(basis);
    }
}
