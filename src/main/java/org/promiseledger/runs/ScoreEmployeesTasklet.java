package org.promiseledger.runs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.RunParameters;
import org.promiseledger.kernel.StepProgress;
import org.promiseledger.ledger.DebugPause;
import org.promiseledger.ledger.PayoutLedger;
import org.promiseledger.period.Period;
import org.promiseledger.runs.partition.RemoteScoring;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleProblem;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.scoring.PlanScorer;
import org.promiseledger.scoring.PoolProration;
import org.promiseledger.scoring.PlanDecision;
import org.promiseledger.scoring.RuleTrail;
import org.promiseledger.scoring.ScopeResult;
import org.promiseledger.scoring.ScopeResultStore;
import org.promiseledger.scoring.ScoredPayout;
import org.promiseledger.scoring.ScoredSegment;
import org.promiseledger.scoring.ScoringInput;
import org.promiseledger.scoring.ScoringInputStore;
import org.promiseledger.scoring.ScoringResult;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scores every employee with the plan and books the payouts, in one transaction: a crash leaves no payout behind,
 * and the restarted step books them all, in the same order, with the same hashes. The run becomes CALCULATED in
 * the same transaction, and the run it supersedes is marked so.
 */
@Component
@StepScope
class ScoreEmployeesTasklet implements Tasklet {

    private final long runId;
    private final Path rulesDir;
    private final RuleSetCompiler compiler;
    private final ScoringInputStore inputs;
    private final ScopeResultStore scopeResults;
    private final PayoutLedger ledger;
    private final RunRegistry registry;
    private final BatchSettings settings;
    private final StepProgress progress;
    private final RemoteScoring remoteScoring;

    ScoreEmployeesTasklet(@Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{jobParameters['" + RunParameters.RULES_DIR + "']}") String rulesDir, RuleSetCompiler compiler, ScoringInputStore inputs, ScopeResultStore scopeResults,
            PayoutLedger ledger, RunRegistry registry, BatchSettings settings, StepProgress progress, RemoteScoring remoteScoring) {
        this.runId = runId;
        this.rulesDir = Path.of(rulesDir);
        this.compiler = compiler;
        this.inputs = inputs;
        this.scopeResults = scopeResults;
        this.ledger = ledger;
        this.registry = registry;
        this.settings = settings;
        this.progress = progress;
        this.remoteScoring = remoteScoring;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        QuarterlyRunRecord run = registry.find(runId).orElseThrow();
        CompiledRuleSet rules = compiler.compile(rulesDir);
        if (!rules.version().equals(run.ruleSetVersion())) {
            throw new RuleCompilationException(List.of(new RuleProblem(rulesDir.toString(), null,
                    "the rules changed while the run was going (version " + run.ruleSetVersion().substring(0, 12) + " became "
                            + rules.shortVersion() + "); run again")));
        }
        ScoringInput input = inputs.load(run.runId(), Period.parse(run.period()));
        ScoringResult result;
        try (StepProgress.Task bar = progress.start("Scoring departments", input.org().departments().size(), "departments")) {
            long[] done = {0};
            Runnable afterEachDepartment = () -> {
                bar.stepTo(++done[0]);
                if (done[0] == 1) {
                    DebugPause.at("scoring");
                }
            };
            // a remote run's workers have scored the departments already; their results merge as a local run's would
            result = remoteScoring.enabled() ? remoteScoring.collect(run.runId(), input, afterEachDepartment)
                    : new PlanScorer(rules, input).score(afterEachDepartment);
        }
        scopeResults.replace(run.runId(), result.scopes());
        registry.recordPoolBudget(run.runId(), settings.pool());
        List<RuleTrail.Entry> scopeTrail = result.scopes().stream().flatMap(s -> s.trail().stream()).toList();
        ledger.append(new PayoutLedger.RunStamp(run.runId(), run.period(), settings.currency(), run.ruleSetVersion(),
                run.inputFingerprint()), scopeTrail, book(result.payouts()));
        // whoever started (or restarted) this execution calculated it
        String actor = registry.history(run.runId()).stream().filter(c -> c.state().equals(RunState.STARTED.name()))
                .reduce((first, second) -> second).map(RunRegistry.StateChange::changedBy).orElse(run.launchedBy());
        if (run.supersedesRunId() != null) {
            registry.transition(run.supersedesRunId(), RunState.SUPERSEDED, actor, "superseded by run " + run.runId(),
                    new RunRegistry.AuditEntry("RUN_SUPERSEDED", "superseded by run " + run.runId()));
        }
        registry.transition(run.runId(), RunState.CALCULATED, actor, result.payouts().size() + " payouts",
                new RunRegistry.AuditEntry("RUN_CALCULATED", "calculated"));
        contribution.incrementWriteCount(result.payouts().size());
        return RepeatStatus.FINISHED;
    }

    /**
     * A segment's payout lines: its weighted components, then its SEGMENT line (attainment = the segment's score,
     * contribution = its exact amount), each tagged with the segment's dates, days, department, role and target bonus.
     */
    private static List<PayoutLedger.LineRow> segmentLines(ScoredSegment s) {
        PayoutLedger.SegmentTag tag = new PayoutLedger.SegmentTag(s.segment().from(), s.segment().to(), s.segment().days(),
                s.segment().quarterDays(), s.employee().departmentId(), s.employee().role(), s.employee().targetBonus());
        List<PayoutLedger.LineRow> lines = new ArrayList<>();
        s.lines().forEach(l -> lines.add(new PayoutLedger.LineRow(l.component(), l.weight(), l.attainment(), l.contribution(), tag)));
        lines.add(new PayoutLedger.LineRow("SEGMENT", null, s.score(), s.amount(), tag));
        return lines;
    }

    /** Turns scored payouts into ledger rows, prorating every amount when the pool budget is exceeded. */
    private List<PayoutLedger.PayoutRow> book(List<ScoredPayout> payouts) {
        Optional<PoolProration> pool = PoolProration.of(settings.pool(), shares(payouts));
        List<PayoutLedger.PayoutRow> rows = new ArrayList<>(payouts.size());
        for (int i = 0; i < payouts.size(); i++) {
            ScoredPayout p = payouts.get(i);
            List<PayoutLedger.LineRow> lines = new ArrayList<>();
            p.lines().forEach(l -> lines.add(new PayoutLedger.LineRow(l.component(), l.weight(), l.attainment(), l.contribution())));
            p.segments().forEach(s -> lines.addAll(segmentLines(s)));
            List<RuleTrail.Entry> trail = new ArrayList<>(p.trail());
            List<PayoutLedger.DecisionRow> decisions = new ArrayList<>(PayoutLedger.DecisionRow.of(p));
            BigDecimal amount = p.amount();
            if (pool.isPresent()) {
                BigDecimal prorated = pool.get().prorated(i);
                lines.add(new PayoutLedger.LineRow("POOL_PRORATION", pool.get().factor(), null, prorated.subtract(amount)));
                trail.add(new RuleTrail.Entry(p.employee().subject(), "The pool budget prorates every payout by the same factor",
                        pool.get().explain(amount, prorated)));
                decisions.add(new PayoutLedger.DecisionRow(null, new PlanDecision(p.employee().employeeId(),
                        PlanDecision.PRORATION, true, "PRORATED", "pool proration factor", pool.get().factor(),
                        "The pool budget prorates every payout by the same factor")));
                amount = prorated;
            }
            rows.add(new PayoutLedger.PayoutRow(p.employee().employeeId(), p.employee().role(), p.employee().departmentId(),
                    p.employee().baseSalary(), p.employee().targetBonus(), p.score(), amount, lines, trail, decisions));
        }
        return rows;
    }

    static List<PoolProration.Share> shares(List<ScoredPayout> payouts) {
        return payouts.stream().map(p -> new PoolProration.Share(p.employee().employeeId(), p.amount())).toList();
    }
}
