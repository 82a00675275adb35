package org.promiseledger.runs.partition.internal;

import org.promiseledger.kernel.RunParameters;
import org.promiseledger.period.Period;
import org.promiseledger.ledger.DebugPause;
import org.promiseledger.metrics.AggregationPart;
import org.promiseledger.metrics.AggregationPartCounter;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A worker's part of a remote run's aggregation: counts one range of departments' touchpoints and providers, and one
 * share of the customers (the partition's number among the run's partitions), and stores the counts for the run's
 * aggregation step. Nothing is rolled up or stored as a metric here; the run does that once, from every part.
 */
@Component
@StepScope
class AggregatePartitionTasklet implements Tasklet {

    /** The partition's share of the customers, and how many shares there are: in the partition's context. */
    static final String SHARE = "customerShare";
    static final String SHARES = "customerShares";

    private final AggregationPartCounter counter;
    private final AggregationPartStore parts;
    private final long runId;
    private final Period period;
    private final DepartmentRanges.Range range;
    private final int share;
    private final int shares;

    /**
     * @param runId the job parameter {@value RunParameters#RUN_ID}
     * @param first the partition's first department ({@value ScorePartitionTasklet#FIRST} in its context), {@code last} its
     *        last, {@code share} its customer share, 0 … {@code shares} − 1
     */
    AggregatePartitionTasklet(AggregationPartCounter counter, AggregationPartStore parts,
            @Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") Long runId,
            @Value("#{jobParameters['" + RunParameters.PERIOD + "']}") String period,
            @Value("#{stepExecutionContext['" + ScorePartitionTasklet.FIRST + "']}") String first,
            @Value("#{stepExecutionContext['" + ScorePartitionTasklet.LAST + "']}") String last,
            @Value("#{stepExecutionContext['" + SHARE + "']}") Integer share,
            @Value("#{stepExecutionContext['" + SHARES + "']}") Integer shares) {
        this.counter = counter;
        this.parts = parts;
        this.runId = runId;
        this.period = Period.parse(period);
        this.range = new DepartmentRanges.Range(first, last);
        this.share = share;
        this.shares = shares;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long started = System.nanoTime();
        DebugPause.at("worker-aggregation");
        AggregationPart part = counter.count(runId, period, range::contains, share, shares);
        parts.replace(runId, range, part);
        contribution.incrementWriteCount(part.touchpoints().size());
        System.out.printf("worker: run %d, departments %s counted (%d touchpoints) with customer share %d of %d in %.1f s%n", runId,
                range.label(), part.touchpoints().size(), share + 1, shares, (System.nanoTime() - started) / 1e9);
        System.out.flush();
        return RepeatStatus.FINISHED;
    }
}
