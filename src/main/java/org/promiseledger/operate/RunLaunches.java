package org.promiseledger.operate;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.promiseledger.operate.internal.RunMetrics;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Launches a period's run in the background from the browser or the API, through {@link QuarterlyRunner} — the
 * code path of the command line's {@code run}, with its lock, restart, supersede and refusal rules. The caller gets
 * the run id as soon as the job starts, to watch it, or the refusal when the runner refused before starting.
 */
@Service
public class RunLaunches {

    /** A launch: the run id when the job started, else why the runner refused (nothing started). */
    public record Launch(Long runId, List<String> refusal) {

        public boolean started() {
            return runId != null;
        }
    }

    private final QuarterlyRunner runner;
    private final RunRegistry registry;
    private final ThreadPoolTaskExecutor executor;
    private final RunMetrics metrics;

    RunLaunches(QuarterlyRunner runner, RunRegistry registry, RunMetrics metrics) {
        this.runner = runner;
        this.registry = registry;
        this.metrics = metrics;
        // not a bean: an Executor bean would replace Spring Boot's applicationTaskExecutor for everything else
        ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
        threads.setThreadNamePrefix("run-");
        // one run at a time in this server: the job's steps are singletons that hold the state of the execution they
        // run (IngestSteps), so two executions in one process must not overlap; a second launch is refused, not queued
        threads.setCorePoolSize(1);
        threads.setMaxPoolSize(1);
        threads.setQueueCapacity(0);
        // a stopping server lets a running job finish its chunk rather than killing it mid-transaction
        threads.setWaitForTasksToCompleteOnShutdown(true);
        threads.setAwaitTerminationSeconds(30);
        threads.initialize();
        this.executor = threads;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    public Launch launch(Period period, Path dataDir, Path rulesDir, String user) {
        CompletableFuture<Long> started = new CompletableFuture<>();
        // a run that has just ended may still be recording its figures: give it a few seconds before calling it busy
        for (int attempt = 0; ; attempt++) {
            try {
                return await(started, submit(period, dataDir, rulesDir, user, started));
            } catch (TaskRejectedException busy) {
                if (attempt == 50) {
                    return new Launch(null, List.of("another run is in progress in this server; launch this one when it has ended"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Launch(null, List.of("interrupted while starting the run"));
                }
            }
        }
    }

    private Future<RunOutcome> submit(Period period, Path dataDir, Path rulesDir, String user, CompletableFuture<Long> started) {
        return executor.submit(() -> {
            long began = System.nanoTime();
            try {
                RunOutcome result = runner.run(period, dataDir, rulesDir, user, started::complete);
                metrics.record(result, System.nanoTime() - began);
                return result;
            } finally {
                started.complete(null);
            }
        });
    }

    private static Launch await(CompletableFuture<Long> started, Future<RunOutcome> outcome) {
        try {
            Long runId = started.get(2, TimeUnit.MINUTES);
            if (runId != null) {
                return new Launch(runId, List.of());
            }
            RunOutcome refused = outcome.get(1, TimeUnit.MINUTES);
            return new Launch(null, refused.messages().isEmpty() ? List.of("the run did not start") : refused.messages());
        } catch (ExecutionException e) {
            return new Launch(null, List.of("the run could not start: " + e.getCause().getMessage()));
        } catch (TimeoutException e) {
            return new Launch(null, List.of("the run has not started within 2 minutes; see the runs page"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Launch(null, List.of("interrupted while starting the run"));
        }
    }

    /**
     * Restarts a run that failed (or whose process died) on its own inputs and rules, as running {@code run} again
     * with the same folder does: where it stopped when they are unchanged, else a new run.
     */
    public Launch restart(long runId, String user) {
        QuarterlyRunRecord run = registry.find(runId).orElse(null);
        if (run == null) {
            return new Launch(null, List.of("there is no run " + runId));
        }
        if (run.state() != RunState.FAILED && run.state() != RunState.STARTED) {
            return new Launch(null, List.of("run " + runId + " is " + run.state() + "; only a FAILED run (or one whose process"
                    + " died) can be restarted"));
        }
        return launch(Period.parse(run.period()), Path.of(run.dataDir()), Path.of(run.rulesDir()), user);
    }
}
