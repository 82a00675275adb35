package org.promiseledger.metrics;

import java.math.BigDecimal;

/**
 * One metric of one scope in one run, as stored: the value (null when there were no observations) at
 * {@link MetricFormulas#STORED_SCALE} decimals, its sample size and status.
 */
public record DepartmentMetric(ScopeRef scope, MetricCode metric, BigDecimal value, long sampleSize, MetricStatus status) {
}
