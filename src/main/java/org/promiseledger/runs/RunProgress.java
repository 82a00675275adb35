package org.promiseledger.runs;

import org.promiseledger.kernel.RunParameters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.promiseledger.ingest.IngestSteps;
import org.promiseledger.ingest.InputFile;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Service;

/**
 * How far a run has come, read from Spring Batch's job repository, which every step updates after each chunk it
 * commits: so a run launched from the browser, or by {@code run} in another process, can be watched the same way.
 * A restarted run's steps are its latest attempt at each (steps that completed before are not run again).
 */
@Service
public class RunProgress {

    /** One step of the job: PENDING until it starts; rows are the input rows read (ingest steps). */
    public record StepView(String name, String label, String status, long rowsRead, long rowsWritten, Instant startedAt,
            Instant endedAt, double seconds, long rowsPerSecond) {
    }

    /** The run's state, its steps in job order, the step running now and whether it has ended. */
    public record View(long runId, String period, String state, String launchedBy, boolean ended, String currentStep,
            long rowsRead, long rowsPerSecond, List<StepView> steps, String note) {
    }

    private final RunRegistry registry;
    private final JobExplorer explorer;
    private final ZoneId batchZone = ZoneId.systemDefault();

    RunProgress(RunRegistry registry, JobExplorer explorer) {
        this.registry = registry;
        this.explorer = explorer;
    }

    /** The steps of the quarterly job, in the order it runs them (QuarterlyJobConfiguration). */
    public static List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (InputFile file : InputFile.values()) {
            names.add(IngestSteps.stepName(file));
        }
        names.addAll(List.of("checkInputStep", "aggregateMetricsStep", "scoreEmployeesStep"));
        return names;
    }

    public Optional<View> of(long runId) {
        return registry.find(runId).map(this::view);
    }

    private View view(QuarterlyRunRecord run) {
        Map<String, StepExecution> latest = new HashMap<>();
        JobInstance instance = explorer.getJobInstance(QuarterlyJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addLong(RunParameters.RUN_ID, run.runId(), true).toJobParameters());
        if (instance != null) {
            for (JobExecution execution : explorer.getJobExecutions(instance)) {
                for (StepExecution step : execution.getStepExecutions()) {
                    StepExecution seen = latest.get(step.getStepName());
                    if (seen == null || seen.getId() < step.getId()) {
                        latest.put(step.getStepName(), step);
                    }
                }
            }
        }
        Instant now = Instant.now();
        List<StepView> steps = new ArrayList<>();
        String current = null;
        long currentRate = 0;
        long rowsRead = 0;
        for (String name : stepNames()) {
            StepExecution step = latest.get(name);
            if (step == null) {
                steps.add(new StepView(name, label(name), "PENDING", 0, 0, null, null, 0, 0));
                continue;
            }
            Instant start = instant(step.getStartTime());
            Instant end = instant(step.getEndTime());
            double seconds = start == null ? 0 : Duration.between(start, end == null ? now : end).toMillis() / 1000.0;
            long rate = seconds > 0 ? Math.round(step.getReadCount() / seconds) : 0;
            String status = step.getStatus().name();
            steps.add(new StepView(name, label(name), status, step.getReadCount(), step.getWriteCount(), start, end, seconds, rate));
            rowsRead += step.getReadCount();
            if (step.getStatus().isRunning()) {
                current = name;
                currentRate = rate;
            }
        }
        boolean ended = run.state() != RunState.STARTED;
        String note = registry.lastNote(run.runId()).orElse(null);
        return new View(run.runId(), run.period(), run.state().name(), run.launchedBy(), ended, ended ? null : current,
                rowsRead, currentRate, steps, note);
    }

    private Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(batchZone).toInstant();
    }

    /** "ingestSurveysStep" → "Ingest surveys.csv"; the other steps in words. */
    static String label(String stepName) {
        for (InputFile file : InputFile.values()) {
            if (IngestSteps.stepName(file).equals(stepName)) {
                return "Ingest " + file.fileName();
            }
        }
        return switch (stepName) {
            case "checkInputStep" -> "Check the inputs can be paid on";
            case "aggregateMetricsStep" -> "Aggregate the metrics of every scope";
            case "scoreEmployeesStep" -> "Score every employee and book the payouts";
            default -> stepName;
        };
    }
}
