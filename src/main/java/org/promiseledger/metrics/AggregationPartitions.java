package org.promiseledger.metrics;

import java.util.List;

/**
 * Where the aggregation step finds the counts of a remote run: the parts its workers counted. Implemented by the
 * remote-partitioning feature, so that this feature does not depend on it.
 */
public interface AggregationPartitions {

    /** Whether workers counted this process's runs ({@code promise-ledger.partitioning=remote}). */
    boolean remote();

    /**
     * Every part the workers stored for the run, in no particular order.
     *
     * @throws RuntimeException (exit 1) when some partition's part is missing: run again to count it
     */
    List<AggregationPart> partsOf(long runId);

    /** Removes the run's parts; called in the aggregation step's transaction, once the metrics are stored. */
    void deleteRun(long runId);
}
