package org.promiseledger.runs.partition.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.runs.partition.DepartmentRanges;
import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.promiseledger.ingest.StagedWorkforce;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The wiring of remote partitioning (spring-batch-integration over Spring Integration AMQP). Requests go from the run
 * to the broker through {@code scoringPartitionRequests}; a {@code worker} process starts the listener
 * {@value #LISTENER}, which hands each fresh request to the worker step. Replies are not sent: the run polls the job
 * repository, which both sides share. Every process defines these beans; only {@code worker} listens, and only a
 * remote run sends, so a local run never opens a connection to the broker.
 * Public for RemoteScoring, RemoteAggregation and ScoringWorker in {@code org.promiseledger.runs.partition}; nothing outside it uses this.
 */
@Configuration
@EnableBatchIntegration
@EnableConfigurationProperties(PartitioningSettings.class)
public class RemotePartitioningConfiguration {

    /** The scoring worker step's name; its partitions are {@code scorePartitionWorkerStep:partitionN}. */
    public static final String WORKER_STEP = "scorePartitionWorkerStep";
    /** The counting worker step's name; its partitions are {@code aggregatePartitionWorkerStep:partitionN}. */
    public static final String AGGREGATION_WORKER_STEP = "aggregatePartitionWorkerStep";
    /** Bean name of the listener a worker process starts to take partitions from the queue. */
    public static final String LISTENER = "scoringPartitionListener";

    @Bean
    Queue scoringPartitionQueue(PartitioningSettings settings) {
        return new Queue(settings.partitionQueue(), true);
    }

    @Bean
    DirectChannel scoringPartitionRequests() {
        return new DirectChannel();
    }

    @Bean
    IntegrationFlow scoringPartitionsToBroker(AmqpTemplate amqp, PartitioningSettings settings) {
        return IntegrationFlow.from(scoringPartitionRequests())
                .handle(Amqp.outboundAdapter(amqp).routingKey(settings.partitionQueue()))
                .get();
    }

    @Bean
    DirectChannel scoringPartitionWork() {
        return new DirectChannel();
    }

    /**
     * One request at a time per worker (prefetch 1), acknowledged when its partition is done: a worker killed midway
     * gives its request back to the queue. A request whose partition is no longer waiting to start (a dead worker began
     * it, or the run gave up on it) is dropped, never run twice; the run then fails on its timeout and restarts.
     */
    @Bean
    IntegrationFlow scoringPartitionsFromBroker(ConnectionFactory connections, PartitioningSettings settings, JobExplorer explorer) {
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName(), "java.lang.*"));
        return IntegrationFlow.from(Amqp.inboundAdapter(connections, settings.partitionQueue())
                        .configureContainer(c -> c.prefetchCount(1).defaultRequeueRejected(false))
                        .messageConverter(converter)
                        .autoStartup(false)
                        .id(LISTENER))
                .filter(StepExecutionRequest.class, request -> waitingToStart(explorer, request), f -> f.discardChannel("nullChannel"))
                // one queue for both kinds of partition: the request names the worker step that runs it
                .<StepExecutionRequest, Boolean>route(request -> AGGREGATION_WORKER_STEP.equals(request.getStepName()), r -> r
                        .channelMapping(true, aggregationPartitionWork())
                        .channelMapping(false, scoringPartitionWork()))
                .get();
    }

    private static boolean waitingToStart(JobExplorer explorer, StepExecutionRequest request) {
        StepExecution partition = explorer.getStepExecution(request.getJobExecutionId(), request.getStepExecutionId());
        boolean fresh = partition != null && partition.getStatus() == BatchStatus.STARTING;
        if (!fresh) {
            System.out.println("worker: skipped " + request.getStepName() + " of job execution " + request.getJobExecutionId()
                    + (partition == null ? ": not in this worker's database" : ": it is " + partition.getStatus()));
        }
        return fresh;
    }

    @Bean
    DirectChannel aggregationPartitionWork() {
        return new DirectChannel();
    }

    @Bean
    Step aggregatePartitionWorkerStep(RemotePartitioningWorkerStepBuilderFactory workerSteps, AggregatePartitionTasklet tasklet,
            PlatformTransactionManager transactionManager) {
        return workerSteps.get(AGGREGATION_WORKER_STEP).inputChannel(aggregationPartitionWork()).tasklet(tasklet, transactionManager)
                .build();
    }

    @Bean
    Step scorePartitionWorkerStep(RemotePartitioningWorkerStepBuilderFactory workerSteps, ScorePartitionTasklet tasklet,
            PlatformTransactionManager transactionManager) {
        return workerSteps.get(WORKER_STEP).inputChannel(scoringPartitionWork()).tasklet(tasklet, transactionManager).build();
    }

    /**
     * The run's departments cut into ranges; a restart is cut again from the same departments, into the same ranges.
     * Partition i also carries customer share i of n, which aggregation counts distinct customers of.
     */
    @Bean
    @StepScope
    Partitioner departmentRangePartitioner(@Value("#{jobParameters['runId']}") Long runId, StagedWorkforce staged) {
        return gridSize -> {
            List<String> departments = staged.departmentIds(runId);
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            List<DepartmentRanges.Range> ranges = DepartmentRanges.cut(departments, gridSize);
            for (int i = 0; i < ranges.size(); i++) {
                ExecutionContext context = new ExecutionContext();
                context.putString(ScorePartitionTasklet.FIRST, ranges.get(i).first());
                context.putString(ScorePartitionTasklet.LAST, ranges.get(i).last());
                context.putInt(AggregatePartitionTasklet.SHARE, i);
                context.putInt(AggregatePartitionTasklet.SHARES, ranges.size());
                partitions.put("partition" + i, context);
            }
            return partitions;
        };
    }
}
