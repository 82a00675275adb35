package org.promiseledger.runs;


import org.promiseledger.ingest.IngestSteps;
import org.promiseledger.ingest.CheckInputTasklet;
import org.promiseledger.metrics.AggregateMetricsTasklet;
import org.promiseledger.runs.partition.RemoteAggregation;
import org.promiseledger.runs.partition.RemoteScoring;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The quarterly job: ingest the eleven input files, check they can be paid on, fix which touchpoints' surveys a
 * review excluded, aggregate the metrics of every scope, detect the integrity signals, score every employee and book
 * the payouts. Each step is restartable: a relaunch of the same run skips
 * the steps that completed and redoes the one that was interrupted.
 */
@Configuration
class QuarterlyJobConfiguration {

    static final String JOB_NAME = "quarterlyJob";

    @Bean
    Job quarterlyJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestSteps ingestSteps,
            CheckInputTasklet checkInput, AggregateMetricsTasklet aggregateMetrics, ScoreEmployeesTasklet scoreEmployees,
            // the integrity feature's steps, by bean name: the integrity feature depends on runs, not the other way round
            @Qualifier("fixSurveyExclusionsTasklet") Tasklet fixSurveyExclusions,
            @Qualifier("detectIntegritySignalsTasklet") Tasklet detectIntegritySignals,
            StepTimings timings, RemoteAggregation remoteAggregation, RemoteScoring remoteScoring) {
        SimpleJobBuilder job = null;
        for (Step ingest : ingestSteps.steps(jobRepository, transactionManager, timings)) {
            job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(ingest) : job.next(ingest);
        }
        job = job
                .next(new StepBuilder("checkInputStep", jobRepository).tasklet(checkInput, transactionManager)
                        .listener(timings).build())
                .next(new StepBuilder("fixSurveyExclusionsStep", jobRepository).tasklet(fixSurveyExclusions, transactionManager)
                        .listener(timings).build());
        // --promise-ledger.partitioning=remote: workers count the departments' ranges first; the roll-up stays here
        job = remoteAggregation.aggregateInWorkers(job, timings)
                .next(new StepBuilder("aggregateMetricsStep", jobRepository).tasklet(aggregateMetrics, transactionManager)
                        .listener(timings).build())
                .next(new StepBuilder("detectIntegritySignalsStep", jobRepository)
                        .tasklet(detectIntegritySignals, transactionManager).listener(timings).build());
        // --promise-ledger.partitioning=remote: workers score the departments first; booking below stays in this process
        return remoteScoring.scoreInWorkers(job, timings)
                .next(new StepBuilder("scoreEmployeesStep", jobRepository).tasklet(scoreEmployees, transactionManager)
                        .listener(timings).build())
                .build();
    }

}
