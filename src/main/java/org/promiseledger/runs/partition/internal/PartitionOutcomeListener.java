package org.promiseledger.runs.partition.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.promiseledger.kernel.LaunchCommand;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.promiseledger.runs.partition.RemoteScoringFailed;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a failed manager step into words an operator can act on. When the workers did not finish in time (a worker
 * died, none is running, the broker is unreachable), the partitions still open are marked FAILED, so that a request
 * for them still waiting in the queue is skipped by every worker and {@code run} again hands them out anew.
 * Public for RemoteScoring and RemoteAggregation in {@code org.promiseledger.runs.partition}; nothing outside it
 * uses this.
 */
@Component
public class PartitionOutcomeListener {

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final PartitioningSettings settings;

    PartitionOutcomeListener(JobExplorer explorer, JobRepository repository, PartitioningSettings settings) {
        this.explorer = explorer;
        this.repository = repository;
        this.settings = settings;
    }

    /**
     * The listener of one manager step.
     *
     * @param workerStep the worker step its partitions are named after ({@code workerStep:partitionN})
     * @param work       what the workers do, in words: "scoring" or "aggregation"
     */
    public StepExecutionListener of(String workerStep, String work) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution manager) {
                explain(manager, workerStep, work);
                return null;
            }
        };
    }

    private void explain(StepExecution manager, String workerStep, String work) {
        if (manager.getStatus() != BatchStatus.FAILED) {
            return;
        }
        boolean timedOut = manager.getFailureExceptions().removeIf(TimeoutException.class::isInstance);
        JobExecution job = explorer.getJobExecution(manager.getJobExecutionId());
        List<String> open = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int partitions = 0;
        for (StepExecution partition : job == null ? List.<StepExecution>of() : job.getStepExecutions()) {
            if (!partition.getStepName().startsWith(workerStep + ":")) {
                continue;
            }
            partitions++;
            String label = range(partition);
            if (partition.getStatus().isRunning()) {
                open.add(label);
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished it within " + settings.partitionTimeout()));
                partition.setEndTime(LocalDateTime.now());
                repository.update(partition);
            } else if (partition.getStatus() == BatchStatus.FAILED) {
                String why = partition.getExitStatus().getExitDescription();
                failed.add(label + (why == null || why.isBlank() ? "" : ": " + why.lines().findFirst().orElse("")));
            }
        }
        open.sort(org.promiseledger.kernel.CodePoints.ORDER);
        List<String> parts = new ArrayList<>();
        if (timedOut || !open.isEmpty()) {
            parts.add("the workers did not finish " + open.size() + " of " + partitions + " " + work + " partitions (departments "
                    + String.join(", ", open) + ") within " + settings.partitionTimeout().toSeconds() + " s; is a worker running"
                    + " (" + LaunchCommand.javaJar() + " worker) on this database and broker, queue " + settings.partitionQueue()
                    + "? Run again to restart");
        }
        if (!failed.isEmpty()) {
            parts.add(work + " partitions failed on a worker: " + String.join("; ", failed));
        }
        if (!parts.isEmpty()) {
            manager.addFailureException(new RemoteScoringFailed(String.join("; ", parts)));
        }
    }

    private static String range(StepExecution partition) {
        var context = partition.getExecutionContext();
        String first = context.getString(ScorePartitionTasklet.FIRST, "?");
        String last = context.getString(ScorePartitionTasklet.LAST, "?");
        return new DepartmentRanges.Range(first, last).label();
    }
}
