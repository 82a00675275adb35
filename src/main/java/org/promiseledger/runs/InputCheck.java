package org.promiseledger.runs;

import org.promiseledger.kernel.RunParameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.promiseledger.ingest.CheckInputTasklet;
import org.promiseledger.ingest.FileCounts;
import org.promiseledger.ingest.IngestSteps;
import org.promiseledger.ingest.InputCounts;
import org.promiseledger.ingest.InputFolder;
import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.runs.internal.RunFailures;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A dry run of a period's inputs: the quarterly job's own ingest steps and input check, run as a job of their own
 * under a negative id that no run has, then discarded. What it reports is exactly what {@code run} would reject and
 * refuse, because it is the same code; nothing is booked, the period's runs are untouched and its lock is not taken.
 */
@Service
public class InputCheck {

    static final String JOB_NAME = "inputCheckJob";
    /** Rejects listed in a report; the counts cover all of them. */
    public static final int LISTED_REJECTS = 500;

    private final Job checkJob;
    private final JobLauncher launcher;
    private final JdbcTemplate jdbc;
    private final StagedInputs staged;
    private final RuleSetCompiler compiler;
    private final RunRegistry registry;
    private final List<PlanCheck> planChecks;

    InputCheck(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestSteps ingestSteps,
            CheckInputTasklet checkInput, StepTimings timings, JobLauncher launcher, JdbcTemplate jdbc, StagedInputs staged,
            RuleSetCompiler compiler, RunRegistry registry, List<PlanCheck> planChecks) {
        this.planChecks = planChecks;
        SimpleJobBuilder job = null;
        for (Step ingest : ingestSteps.steps(jobRepository, transactionManager, timings)) {
            job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(ingest) : job.next(ingest);
        }
        this.checkJob = job.next(new StepBuilder("checkInputStep", jobRepository).tasklet(checkInput, transactionManager).build())
                .build();
        this.launcher = launcher;
        this.jdbc = jdbc;
        this.staged = staged;
        this.compiler = compiler;
        this.registry = registry;
    }

    /** What a run would make of these inputs. */
    public record Report(String period, boolean refused, List<String> problems, List<String> notes, List<FileCounts> files,
            long rejectCount, List<StagedInputs.Reject> rejects) {

        public long rowsRead() {
            return files.stream().mapToLong(FileCounts::read).sum();
        }
    }

    /**
     * One check at a time: the check job's steps, like the quarterly job's, hold the state of the execution they run.
     */
    public synchronized Report check(Period period, Path dataDir, Path rulesDir) {
        List<String> notes = new ArrayList<>();
        InputFolder folder = new InputFolder(dataDir);
        List<String> folderProblems = folder.problems();
        List<String> periodProblems = periodProblems(period, folderProblems.isEmpty() ? folder.fingerprint() : null, notes);
        if (!folderProblems.isEmpty()) {
            return new Report(period.toString(), true, concat(periodProblems, folderProblems), notes, List.of(), 0, List.of());
        }
        try {
            compiler.compile(rulesDir);
        } catch (RuleCompilationException e) {
            return new Report(period.toString(), true, concat(periodProblems, e.problems().stream().map(Object::toString).toList()),
                    notes, List.of(), 0, List.of());
        } catch (IllegalArgumentException e) {
            return new Report(period.toString(), true, concat(periodProblems, List.of(e.getMessage())), notes, List.of(), 0, List.of());
        }
        List<String> planProblems = PlanCheck.problemsOf(planChecks, rulesDir);
        if (!planProblems.isEmpty()) {
            return new Report(period.toString(), true, concat(periodProblems, planProblems), notes, List.of(), 0, List.of());
        }
        long checkId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        RunParameters parameters = new RunParameters(checkId, period, dataDir, rulesDir);
        try {
            JobExecution execution = launcher.run(checkJob, parameters.toJobParameters());
            List<String> problems = new ArrayList<>(periodProblems);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                RunFailures failures = RunFailures.of(execution);
                problems.addAll(failures.badInput());
                problems.addAll(failures.failures());
            }
            List<FileCounts> files = InputCounts.of(jdbc, checkId);
            return new Report(period.toString(), !problems.isEmpty(), problems, notes, files,
                    staged.countRejects(checkId, null, null), staged.rejects(checkId, null, null, 0, LISTED_REJECTS));
        } catch (Exception e) {
            throw new IllegalStateException("the check could not run: " + e.getMessage(), e);
        } finally {
            staged.discard(checkId);
        }
    }

    /** What would refuse the run whatever the files say: a frozen period. And what the run would do to earlier ones. */
    private List<String> periodProblems(Period period, String fingerprint, List<String> notes) {
        Optional<QuarterlyRunRecord> frozen = registry.runsOf(period).stream().filter(r -> r.state().isFrozen()).findFirst();
        if (frozen.isPresent()) {
            return List.of(period + " was " + frozen.get().state().name().toLowerCase() + " in run " + frozen.get().runId()
                    + "; it cannot be calculated again (book an adjustment instead)");
        }
        registry.latest(period).ifPresent(latest -> {
            if (latest.state().isRestartable() && fingerprint != null) {
                boolean same = latest.inputFingerprint().equals(fingerprint);
                notes.add(same ? "run " + latest.runId() + " of " + period + " stopped; these are its inputs, so it restarts where it stopped"
                        : "run " + latest.runId() + " of " + period + " stopped on other inputs; it is closed and a new run starts");
            } else if (latest.state() == RunState.CALCULATED) {
                notes.add("the new run supersedes run " + latest.runId() + " (CALCULATED) of " + period);
            }
        });
        return List.of();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
