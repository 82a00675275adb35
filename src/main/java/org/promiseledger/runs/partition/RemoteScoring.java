package org.promiseledger.runs.partition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.runs.partition.internal.PartitionOutcomeListener;
import org.promiseledger.runs.partition.internal.PartitionResultStore;
import org.promiseledger.runs.partition.internal.PartitioningSettings;
import org.promiseledger.runs.partition.internal.RemotePartitioningConfiguration;
import org.promiseledger.scoring.ScopeResult;
import org.promiseledger.scoring.PlanScorer;
import org.promiseledger.scoring.ScoredPayout;
import org.promiseledger.scoring.ScoredSegment;
import org.promiseledger.scoring.ScoringInput;
import org.promiseledger.scoring.ScoringResult;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * The run's side of remote partitioning. In {@code remote} mode the job gets a manager step before booking, which
 * cuts the departments into ranges, sends one request per range to the workers over RabbitMQ and polls the job
 * repository until every range is scored (or the timeout passes: the run fails with exit 1 and restarts with
 * {@code run}); the booking step then takes the stored partitions instead of scoring, merged exactly as a local run
 * merges its departments. In {@code local} mode none of this takes part.
 */
@Component
public class RemoteScoring {

    static final String MANAGER_STEP = "scorePartitionsStep";

    private final PartitioningSettings settings;
    private final RemotePartitioningManagerStepBuilderFactory managerSteps;
    private final Partitioner departmentRanges;
    private final MessageChannel requests;
    private final PartitionOutcomeListener outcomes;
    private final PartitionResultStore results;

    RemoteScoring(PartitioningSettings settings, RemotePartitioningManagerStepBuilderFactory managerSteps,
            @Qualifier("departmentRangePartitioner") Partitioner departmentRanges,
            @Qualifier("scoringPartitionRequests") MessageChannel requests, PartitionOutcomeListener outcomes,
            PartitionResultStore results) {
        this.settings = settings;
        this.managerSteps = managerSteps;
        this.departmentRanges = departmentRanges;
        this.requests = requests;
        this.outcomes = outcomes;
        this.results = results;
    }

    public boolean enabled() {
        return settings.remote();
    }

    /** Adds the manager step when scoring is remote; leaves the job as it is otherwise. */
    public SimpleJobBuilder scoreInWorkers(SimpleJobBuilder job, StepExecutionListener timings) {
        if (!enabled()) {
            return job;
        }
        return job.next(managerSteps.get(MANAGER_STEP)
                .partitioner(RemotePartitioningConfiguration.WORKER_STEP, departmentRanges)
                .gridSize(settings.partitions())
                .outputChannel(requests)
                .pollInterval(settings.partitionPoll().toMillis())
                .timeout(settings.partitionTimeout().toMillis())
                .listener(timings)
                .listener(outcomes.of(RemotePartitioningConfiguration.WORKER_STEP, "scoring"))
                .build());
    }

    /**
     * The run's scoring result from its stored partitions: scopes kept from the first partition that has them and
     * payouts sorted by employee id, as {@code PlanScorer} merges departments. The stored partitions are removed in the
     * caller's transaction, so they go exactly when the ledger is booked.
     */
    public ScoringResult collect(long runId, ScoringInput input, Runnable afterEachDepartment) {
        Map<ScopeRef, ScopeResult> scopes = new TreeMap<>();
        List<ScoredPayout> payouts = new ArrayList<>();
        List<ScoredSegment> segments = new ArrayList<>();
        for (PartitionResultStore.StoredPartition partition : results.partitionsOf(runId)) {
            partition.result().scopes().forEach(s -> scopes.putIfAbsent(s.scope(), s));
            payouts.addAll(partition.result().payouts());
            segments.addAll(partition.result().segments());
            for (int i = 0; i < partition.departments(); i++) {
                afterEachDepartment.run();
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String department : input.org().departments()) {
            if (!scopes.containsKey(new ScopeRef(ScopeKind.DEPARTMENT, department))) {
                missing.add(department);
            }
        }
        if (!missing.isEmpty()) {
            throw new RemoteScoringFailed("the workers' results of run " + runId + " miss " + missing.size()
                    + " departments (first " + missing.iterator().next() + "): run again to score them");
        }
        results.deleteRun(runId);
        // a transfer's segments may have been scored by two workers: they are added up here, as a local run does
        return PlanScorer.withSegmentsCombined(new ScoringResult(List.copyOf(scopes.values()), payouts, segments));
    }
}
