package org.promiseledger.metrics;

import org.springframework.stereotype.Component;

/**
 * The staged answers and contacts of a run, customer pass by customer pass, for a feature that counts per customer
 * without aggregation's help (integrity, when the run's customers were counted by remote workers or before it
 * listened). The same read as aggregation's: the tables are read once, whatever the number of passes.
 */
@Component
public class CustomerPassReads {

    private final MetricAggregator aggregator;

    CustomerPassReads(MetricAggregator aggregator) {
        this.aggregator = aggregator;
    }

    /** How many passes of at most {@code customersPerPass} customers the run's customers.csv needs (at least 1). */
    public int passes(long runId, int customersPerPass) {
        return aggregator.passes(runId, 1, customersPerPass);
    }

    /**
     * Feeds {@code counting} every answer, then every contact, of each pass's customers, then {@code passEnded()};
     * {@code finished()} is left to the caller.
     */
    public void feed(long runId, CustomerPassListener.Counting counting, int customersPerPass) {
        aggregator.feed(runId, counting, customersPerPass);
    }
}
