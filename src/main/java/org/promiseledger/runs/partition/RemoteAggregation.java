package org.promiseledger.runs.partition;

import java.util.BitSet;
import java.util.List;

import org.promiseledger.metrics.AggregationPart;
import org.promiseledger.metrics.AggregationPartitions;
import org.promiseledger.runs.partition.internal.AggregationPartStore;
import org.promiseledger.runs.partition.internal.PartitionOutcomeListener;
import org.promiseledger.runs.partition.internal.PartitioningSettings;
import org.promiseledger.runs.partition.internal.RemotePartitioningConfiguration;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * The run's side of remote aggregation. In {@code remote} mode the job gets a manager step before the aggregation step:
 * it cuts the departments into the same ranges as scoring, sends one request per range to the workers, and polls the
 * job repository until every range is counted (or the timeout passes: exit 1, {@code run} again restarts it). Each
 * worker counts its range's touchpoints and providers and one share of the customers; the aggregation step then adds
 * the parts up and rolls them up to departments, subtrees and the company exactly as a local run does.
 */
@Component
public class RemoteAggregation implements AggregationPartitions {

    static final String MANAGER_STEP = "aggregatePartitionsStep";

    private final PartitioningSettings settings;
    private final RemotePartitioningManagerStepBuilderFactory managerSteps;
    private final Partitioner departmentRanges;
    private final MessageChannel requests;
    private final PartitionOutcomeListener outcomes;
    private final AggregationPartStore parts;

    RemoteAggregation(PartitioningSettings settings, RemotePartitioningManagerStepBuilderFactory managerSteps,
            @Qualifier("departmentRangePartitioner") Partitioner departmentRanges,
            @Qualifier("scoringPartitionRequests") MessageChannel requests, PartitionOutcomeListener outcomes,
            AggregationPartStore parts) {
        this.settings = settings;
        this.managerSteps = managerSteps;
        this.departmentRanges = departmentRanges;
        this.requests = requests;
        this.outcomes = outcomes;
        this.parts = parts;
    }

    @Override
    public boolean remote() {
        return settings.remote();
    }

    /** Adds the manager step when the run is remote; leaves the job as it is otherwise. */
    public SimpleJobBuilder aggregateInWorkers(SimpleJobBuilder job, StepExecutionListener timings) {
        if (!remote()) {
            return job;
        }
        return job.next(managerSteps.get(MANAGER_STEP)
                .partitioner(RemotePartitioningConfiguration.AGGREGATION_WORKER_STEP, departmentRanges)
                .gridSize(settings.partitions())
                .outputChannel(requests)
                .pollInterval(settings.partitionPoll().toMillis())
                .timeout(settings.partitionTimeout().toMillis())
                .listener(timings)
                .listener(outcomes.of(RemotePartitioningConfiguration.AGGREGATION_WORKER_STEP, "aggregation"))
                .build());
    }

    @Override
    public List<AggregationPart> partsOf(long runId) {
        List<AggregationPart> stored = parts.partsOf(runId);
        BitSet shares = new BitSet();
        stored.forEach(p -> shares.set(p.bucket()));
        int expected = stored.isEmpty() ? 0 : stored.get(0).buckets();
        if (stored.isEmpty() || shares.cardinality() != stored.size() || stored.stream().anyMatch(p -> p.buckets() != expected)
                || stored.size() != expected) {
            throw new RemoteScoringFailed("the workers counted " + stored.size() + " of " + (expected == 0 ? "the" : expected)
                    + " aggregation partitions of run " + runId + ": run again to count the others");
        }
        return stored;
    }

    @Override
    public void deleteRun(long runId) {
        parts.deleteRun(runId);
    }
}
