package org.promiseledger.runs.partition.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.ledger.DebugPause;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleProblem;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.kernel.RunParameters;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.promiseledger.scoring.PlanScorer;
import org.promiseledger.scoring.ScoringInput;
import org.promiseledger.scoring.ScoringResult;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A worker's part of a remote run: scores one range of departments with the same plan scorer a local run uses and
 * stores the result for the run's booking step. Nothing is booked here; the ledger is written once, in order, by the
 * run itself. The worker compiles the rules it finds and refuses to score when they are not the run's version.
 */
@Component
@StepScope
class ScorePartitionTasklet implements Tasklet {

    static final String FIRST = "firstDepartmentId";
    static final String LAST = "lastDepartmentId";

    private final RuleSetCompiler compiler;
    private final LastScoringInput inputs;
    private final RunRegistry registry;
    private final PartitionResultStore results;
    private final BatchSettings settings;
    private final long runId;
    private final Path runRulesDir;
    private final DepartmentRanges.Range range;

    /**
     * @param runId    the job parameter {@value RunParameters#RUN_ID}; {@code rulesDir} the run's rules folder
     * @param first    the partition's first department ({@value #FIRST} in its context), {@code last} its last
     */
    ScorePartitionTasklet(RuleSetCompiler compiler, LastScoringInput inputs, RunRegistry registry, PartitionResultStore results,
            BatchSettings settings, @Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") Long runId,
            @Value("#{jobParameters['" + RunParameters.RULES_DIR + "']}") String rulesDir,
            @Value("#{stepExecutionContext['" + FIRST + "']}") String first,
            @Value("#{stepExecutionContext['" + LAST + "']}") String last) {
        this.compiler = compiler;
        this.inputs = inputs;
        this.registry = registry;
        this.results = results;
        this.settings = settings;
        this.runId = runId;
        this.runRulesDir = Path.of(rulesDir);
        this.range = new DepartmentRanges.Range(first, last);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long started = System.nanoTime();
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        QuarterlyRunRecord run = registry.find(runId).orElseThrow(
                () -> new IllegalStateException("run " + runId + " is not in this worker's database"));
        Path rulesDir = Files.isDirectory(runRulesDir) ? runRulesDir : settings.rulesPath();
        CompiledRuleSet rules = compiler.compile(rulesDir);
        if (!rules.version().equals(run.ruleSetVersion())) {
            throw new RuleCompilationException(List.of(new RuleProblem(rulesDir.toAbsolutePath().toString(), null,
                    "this worker's rules are version " + rules.shortVersion() + ", run " + run.runId() + " uses "
                            + run.ruleSetVersion().substring(0, 12) + ": give every worker the run's rules folder")));
        }
        ScoringInput input = inputs.of(run.runId(), step.getJobExecutionId());
        List<String> departments = input.org().departments().stream().filter(range::contains).toList();
        long[] done = {0};
        ScoringResult result = new PlanScorer(rules, input).scorePartition(departments, () -> {
            if (++done[0] == 1) {
                DebugPause.at("worker-scoring");
            }
        });
        results.replace(run.runId(), range, departments.size(), result);
        contribution.incrementWriteCount(result.payouts().size());
        System.out.printf("worker: run %d, departments %s (%d), %d employees scored in %.1f s%n", run.runId(),
                range.label(), departments.size(), result.payouts().size(), (System.nanoTime() - started) / 1e9);
        System.out.flush();
        return RepeatStatus.FINISHED;
    }
}
