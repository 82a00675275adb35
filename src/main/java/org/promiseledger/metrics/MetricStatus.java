package org.promiseledger.metrics;

/** Whether a metric had enough observations to stand on its own. */
public enum MetricStatus {
    OK,
    /** Fewer observations than min-sample: the scope borrows the company's attainment for this metric. */
    INSUFFICIENT
}
