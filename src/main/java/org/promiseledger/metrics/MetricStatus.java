package org.promiseledger.metrics;

/** Whether a metric had enough observations to stand on its own. */
public enum MetricStatus {
    OK,
    /** Fewer observations than min-sample: the scope borrows the company's attainment for this metric. */
    INSUFFICIENT;

    /** The default minimum-sample rule: a sample below min-sample is INSUFFICIENT. */
    static MetricStatus of(long sample, int minSample) {
        return sample < minSample ? INSUFFICIENT : OK;
    }
}
