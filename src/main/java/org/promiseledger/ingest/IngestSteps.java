package org.promiseledger.ingest;

import java.util.ArrayList;
import java.util.List;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.StepProgress;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** One ingest step per input file, named for it ({@code ingestSurveysStep}, ...), in the contract's order. */
@Component
public class IngestSteps {

    private final StagingStore store;
    private final StagingWriters writers;
    private final BatchSettings settings;
    private final StepProgress progress;

    IngestSteps(StagingStore store, StagingWriters writers, BatchSettings settings, StepProgress progress) {
        this.store = store;
        this.writers = writers;
        this.settings = settings;
        this.progress = progress;
    }

    public List<Step> steps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepExecutionListener timings) {
        List<Step> steps = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            FreshTasklet tasklet = new FreshTasklet(file);
            steps.add(new StepBuilder(stepName(file), jobRepository)
                    .tasklet(tasklet, transactionManager)
                    .listener(tasklet)
                    .listener(timings)
                    .build());
        }
        return steps;
    }

    public static String stepName(InputFile file) {
        StringBuilder name = new StringBuilder("ingest");
        for (String part : file.name().split("_")) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.append("Step").toString();
    }

    /** Gives each step execution its own tasklet, so no reader or counter outlives the execution it belongs to. */
    private final class FreshTasklet implements Tasklet, StepExecutionListener {
        private final InputFile file;
        private IngestFileTasklet current;

        FreshTasklet(InputFile file) {
            this.file = file;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            current = new IngestFileTasklet(file, store, writers, settings, progress);
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
            return current.execute(contribution, chunkContext);
        }

        @Override
        public ExitStatus afterStep(StepExecution stepExecution) {
            return current.afterStep(stepExecution);
        }
    }
}
