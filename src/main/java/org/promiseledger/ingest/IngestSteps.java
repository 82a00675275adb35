package org.promiseledger.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** One ingest step per input file, named for it ({@code ingestSurveysStep}, ...), in the contract's order. */
@Component
public class IngestSteps {

    /** A step-scoped proxy: each step execution reaches its own instance, reading the file its step is named for. */
    private final IngestFileTasklet tasklet;

    IngestSteps(IngestFileTasklet tasklet) {
        this.tasklet = tasklet;
    }

    public List<Step> steps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StepExecutionListener timings) {
        List<Step> steps = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            steps.add(new StepBuilder(stepName(file), jobRepository)
                    .tasklet(tasklet, transactionManager)
                    .listener((StepExecutionListener) tasklet)
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

    /** The input file an ingest step reads, from the step's name. */
    static InputFile fileOf(String stepName) {
        for (InputFile file : InputFile.values()) {
            if (stepName(file).equals(stepName)) {
                return file;
            }
        }
        throw new IllegalArgumentException("no input file is ingested by a step named " + stepName);
    }
}
