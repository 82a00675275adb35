package org.promiseledger.workbench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.promiseledger.export.SpreadsheetSafeCsv;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.period.Period;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.scoring.PlanDecision;
import org.promiseledger.scoring.PlanScorer;
import org.promiseledger.scoring.PoolProration;
import org.promiseledger.scoring.RuleTrail;
import org.promiseledger.scoring.ScoredPayout;
import org.promiseledger.scoring.ScoringInputStore;
import org.promiseledger.scoring.ScoringResult;
import org.springframework.stereotype.Component;

/**
 * `simulate`: re-scores a calculated period from its stored metrics with candidate rules and compares with what the
 * ledger paid. It only reads: nothing is written to any table.
 */
@Component
public class Simulation {

    /**
     * One employee's old and new pay, the rules whose firing changed ("+name" now fires, "-name" no longer), and the
     * customer gate as booked and as the candidate rules decide it: CLOSED, OPEN, NOT_APPLICABLE, or "" when none.
     */
    public record Diff(String employeeId, String role, String departmentId, BigDecimal oldAmount, BigDecimal newAmount,
            List<String> rulesChanged, String oldGate, String newGate) {
        public BigDecimal delta() {
            return newAmount.subtract(oldAmount);
        }
    }

    /** The simulation of a period: the run it compares with, and every employee's diff in employee-id order. */
    public record Result(QuarterlyRunRecord run, String candidateVersion, List<Diff> diffs) {
    }

    private final RunRegistry registry;
    private final ScoringInputStore inputs;
    private final BatchSettings settings;
    private final LedgerReads ledger;

    Simulation(RunRegistry registry, ScoringInputStore inputs, BatchSettings settings, LedgerReads ledger) {
        this.registry = registry;
        this.inputs = inputs;
        this.settings = settings;
        this.ledger = ledger;
    }

    public Result simulate(Period period, CompiledRuleSet candidate) {
        QuarterlyRunRecord run = registry.latestCalculated(period).orElseThrow(() -> new IllegalStateException(
                "no calculated run of " + period + " to simulate against: run the period first"));
        ScoringResult result = new PlanScorer(candidate, inputs.load(run.runId(), period)).score(() -> {
        });
        List<BigDecimal> amounts = PoolProration.finalAmounts(poolOf(run), result.payouts().stream()
                .map(p -> new PoolProration.Share(p.employee().employeeId(), p.amount())).toList());
        Map<String, BigDecimal> oldAmounts = new HashMap<>();
        ledger.payoutsOf(run.runId()).forEach(p -> oldAmounts.put(p.employeeId(), p.amount()));
        Map<String, Set<String>> oldRules = new HashMap<>();
        ledger.employeeRuleNames(run.runId()).forEach((id, names) -> oldRules.put(id, new TreeSet<>(names)));
        Map<String, List<String>> oldGates = new HashMap<>();
        ledger.decisionsOf(run.runId()).stream().filter(d -> d.kind().equals(PlanDecision.CUSTOMER_GATE))
                .forEach(d -> oldGates.computeIfAbsent(d.employeeId(), k -> new ArrayList<>()).add(d.outcome()));
        List<Diff> diffs = new ArrayList<>();
        for (int i = 0; i < result.payouts().size(); i++) {
            ScoredPayout p = result.payouts().get(i);
            String id = p.employee().employeeId();
            Set<String> before = oldRules.getOrDefault(id, Set.of());
            Set<String> after = new TreeSet<>(p.trail().stream().map(RuleTrail.Entry::ruleName).toList());
            if (!amounts.get(i).equals(p.amount())) {
                after.add("The pool budget prorates every payout by the same factor");
            }
            List<String> changed = new ArrayList<>();
            after.stream().filter(r -> !before.contains(r)).forEach(r -> changed.add("+" + r));
            before.stream().filter(r -> !after.contains(r)).forEach(r -> changed.add("-" + r));
            diffs.add(new Diff(id, p.employee().role(), p.employee().departmentId(),
                    oldAmounts.getOrDefault(id, BigDecimal.ZERO.setScale(2)), amounts.get(i), changed,
                    gate(oldGates.getOrDefault(id, List.of())), gate(newGates(p))));
        }
        diffs.sort(Comparator.comparing(Diff::employeeId, CodePoints.ORDER));
        return new Result(run, candidate.version(), diffs);
    }

    /**
     * The pool budget to compare under: the one the run was booked under, so that only the plan differs; today's
     * setting for a run booked before budgets were recorded.
     */
    public Optional<BigDecimal> poolOf(QuarterlyRunRecord run) {
        return run.poolBudget() != null ? run.poolBudget() : settings.pool();
    }

    /** The candidate's customer-gate outcomes for a payout: its own, or each segment's. */
    private static List<String> newGates(ScoredPayout p) {
        List<PlanDecision> decisions = new ArrayList<>(p.decisions());
        p.segments().forEach(s -> decisions.addAll(s.decisions()));
        return decisions.stream().filter(d -> d.kind().equals(PlanDecision.CUSTOMER_GATE)).map(PlanDecision::outcome).toList();
    }

    /** One gate outcome for an employee: CLOSED when any segment's closed, else OPEN when any applies, "" when none. */
    private static String gate(List<String> outcomes) {
        return outcomes.contains(PlanDecision.CLOSED) ? PlanDecision.CLOSED : outcomes.contains(PlanDecision.OPEN) ? PlanDecision.OPEN
                : outcomes.isEmpty() ? "" : PlanDecision.NOT_APPLICABLE;
    }

    /** The per-employee diff: employee_id,role,department_id,old_amount,new_amount,delta,rules_changed,old_gate,new_gate. */
    public void write(Result result, Path out) throws IOException {
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "employee_id", "role", "department_id", "old_amount",
                "new_amount", "delta", "rules_changed", "old_gate", "new_gate")) {
            for (Diff d : result.diffs()) {
                // rules_changed starts with + or - (added, removed): text, so it is made safe like any other
                csv.row(d.employeeId(), d.role(), d.departmentId(), d.oldAmount().setScale(2), d.newAmount().setScale(2),
                        d.delta().setScale(2), String.join("; ", d.rulesChanged()), d.oldGate(), d.newGate());
            }
        }
    }
}
