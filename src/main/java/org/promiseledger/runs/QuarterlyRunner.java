package org.promiseledger.runs;

import org.promiseledger.kernel.RunParameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.promiseledger.ingest.InputFolder;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.ledger.UnstorableValueException;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleSetArchive;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.runs.internal.PeriodLock;
import org.promiseledger.runs.internal.RunFailures;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Runs a period as docs/ledger.md's "Runs" paragraph says: checks inputs and rules before writing anything, holds the
 * period's lock, restarts a crashed run whose inputs and rules are unchanged, supersedes a calculated run, and
 * refuses an approved one. A plan that compiles but makes no sense ({@link PlanCheck}) is refused like one that does
 * not compile.
 */
@Service
public class QuarterlyRunner {

    private final RuleSetCompiler compiler;
    private final RunRegistry registry;
    private final PeriodLock lock;
    private final JobLauncher launcher;
    private final JobRepository jobRepository;
    private final Job quarterlyJob;
    private final Clock clock;
    private final AuditLog audit;
    private final RuleSetArchive archive;
    private final List<PlanCheck> planChecks;

    QuarterlyRunner(RuleSetCompiler compiler, RunRegistry registry, PeriodLock lock, JobLauncher launcher,
            JobRepository jobRepository, Job quarterlyJob, Clock clock, AuditLog audit, RuleSetArchive archive,
            List<PlanCheck> planChecks) {
        this.audit = audit;
        this.planChecks = planChecks;
        this.archive = archive;
        this.compiler = compiler;
        this.registry = registry;
        this.lock = lock;
        this.launcher = launcher;
        this.jobRepository = jobRepository;
        this.quarterlyJob = quarterlyJob;
        this.clock = clock;
    }

    public RunOutcome run(Period period, Path dataDir, Path rulesDir, String user) {
        return run(period, dataDir, rulesDir, user, runId -> {
        });
    }

    /**
     * The same run, telling {@code onLaunch} the run id as soon as the job is about to start (a new run or a
     * restart), so that a caller running it in the background can show its progress while it goes.
     */
    public RunOutcome run(Period period, Path dataDir, Path rulesDir, String user, java.util.function.LongConsumer onLaunch) {
        InputFolder inputs = new InputFolder(dataDir);
        List<String> inputProblems = inputs.problems();
        if (!inputProblems.isEmpty()) {
            return RunOutcome.refused(null, inputProblems);
        }
        String version;
        try {
            version = compiler.compile(rulesDir).version();
        } catch (RuleCompilationException e) {
            return RunOutcome.refused(null, e.problems().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            return RunOutcome.refused(null, List.of(e.getMessage()));
        }
        List<String> planProblems = PlanCheck.problemsOf(planChecks, rulesDir);
        if (!planProblems.isEmpty()) {
            return RunOutcome.refused(null, planProblems);
        }
        String fingerprint = inputs.fingerprint();
        try (PeriodLock.Held held = lock.acquire(period.toString())) {
            Optional<QuarterlyRunRecord> frozen = registry.runsOf(period).stream().filter(r -> r.state().isFrozen()).findFirst();
            if (frozen.isPresent()) {
                String why = period + " was " + frozen.get().state().name().toLowerCase() + " in run " + frozen.get().runId()
                        + "; it cannot be calculated again (book an adjustment instead)";
                audit.record(user, "RUN_REFUSED", period.toString(), frozen.get().runId(), why);
                return RunOutcome.refused(frozen.get().runId(), List.of(why));
            }
            Optional<QuarterlyRunRecord> latest = registry.latest(period);
            if (latest.isPresent() && latest.get().state().isRestartable()) {
                QuarterlyRunRecord crashed = latest.get();
                if (crashed.inputFingerprint().equals(fingerprint) && crashed.ruleSetVersion().equals(version)) {
                    // running again: whoever watches the run (its page, the API) sees it going, not the old FAILED
                    registry.transition(crashed.runId(), RunState.STARTED, user, "restarting where it stopped",
                            new RunRegistry.AuditEntry("RUN_RESTARTED", "restarting where it stopped"));
                    onLaunch.accept(crashed.runId());
                    return launch(new RunParameters(crashed.runId(), period, dataDir, rulesDir), user, true);
                }
                registry.transition(crashed.runId(), RunState.CLOSED, user, "inputs or rules changed since it stopped",
                        new RunRegistry.AuditEntry("RUN_CLOSED", "inputs or rules changed since it stopped"));
            }
            registry.lastRuleSetVersion().filter(previous -> !previous.equals(version)).ifPresent(previous -> audit.record(user,
                    "RULES_CHANGE_SEEN", period.toString(), null, "rule set " + previous.substring(0, 12) + " -> "
                            + version.substring(0, 12) + " (" + rulesDir.toAbsolutePath().normalize() + ")"));
            Long supersedes = registry.latestCalculated(period).map(QuarterlyRunRecord::runId).orElse(null);
            archive.keep(rulesDir, version);
            long runId = registry.create(period, user, dataDir.toAbsolutePath().normalize().toString(),
                    rulesDir.toAbsolutePath().normalize().toString(), fingerprint, version, supersedes,
                    "data " + dataDir.toAbsolutePath().normalize() + ", rules " + version.substring(0, 12)
                            + (supersedes == null ? "" : ", supersedes run " + supersedes));
            onLaunch.accept(runId);
            return launch(new RunParameters(runId, period, dataDir, rulesDir), user, false);
        } catch (PeriodLock.PeriodBusyException busy) {
            audit.record(user, "RUN_REFUSED", period.toString(), null, busy.getMessage());
            return RunOutcome.refused(null, List.of(busy.getMessage()));
        }
    }

    private RunOutcome launch(RunParameters parameters, String user, boolean restart) {
        JobParameters jobParameters = parameters.toJobParameters();
        if (restart) {
            failAbandonedExecution(jobParameters);
        }
        JobExecution execution;
        try {
            execution = launcher.run(quarterlyJob, jobParameters);
        } catch (Exception e) {
            registry.transition(parameters.runId(), RunState.FAILED, user, e.getMessage(),
                    new RunRegistry.AuditEntry("RUN_FAILED", "the run could not start: " + e.getMessage()));
            return new RunOutcome(1, parameters.runId(), restart, List.of("the run could not start: " + e.getMessage()));
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            // the booking step moved the run to CALCULATED, audited, with its payouts
            return new RunOutcome(0, parameters.runId(), restart, List.of());
        }
        RunFailures why = RunFailures.of(execution);
        List<String> badInput = why.badInput();
        List<String> failures = why.failures();
        if (!badInput.isEmpty()) {
            registry.transition(parameters.runId(), RunState.REFUSED, user, String.join("; ", badInput),
                    new RunRegistry.AuditEntry("RUN_REFUSED", String.join("; ", badInput)));
            return RunOutcome.refused(parameters.runId(), badInput);
        }
        registry.transition(parameters.runId(), RunState.FAILED, user, String.join("; ", failures),
                new RunRegistry.AuditEntry("RUN_FAILED", String.join("; ", failures)));
        return new RunOutcome(1, parameters.runId(), restart, failures);
    }

    /**
     * A killed process leaves its job execution STARTED in the job repository; we hold the period lock, so we know
     * it is dead, and mark it FAILED so that Spring Batch restarts it from the step that was interrupted.
     */
    private void failAbandonedExecution(JobParameters jobParameters) {
        JobExecution last = jobRepository.getLastJobExecution(QuarterlyJobConfiguration.JOB_NAME, jobParameters);
        if (last == null || !last.getStatus().isRunning()) {
            return;
        }
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it died"));
                step.setEndTime(java.time.LocalDateTime.now(clock));
                jobRepository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        last.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it died"));
        last.setEndTime(java.time.LocalDateTime.now(clock));
        jobRepository.update(last);
    }
}
