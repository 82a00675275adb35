package org.promiseledger.workbench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.period.Period;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.scoring.ComponentAttainment;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.Employee;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.MetricInput;
import org.promiseledger.scoring.PayoutCap;
import org.promiseledger.scoring.PayoutDecision;
import org.promiseledger.scoring.PlanMath;
import org.promiseledger.scoring.PlanSession;
import org.promiseledger.scoring.Score;
import org.promiseledger.scoring.ScoreLine;
import org.promiseledger.scoring.Scope;
import org.promiseledger.scoring.ScoredPayout;
import org.promiseledger.scoring.ScoredSegment;
import org.promiseledger.scoring.Segment;
import org.promiseledger.scoring.SegmentedPayouts;
import org.promiseledger.workbench.internal.Scenario;
import org.promiseledger.workbench.internal.ScenarioFile;
import org.springframework.stereotype.Component;

/**
 * `rules test`: runs every scenario of rules/scenarios against the plan and says, per scenario, whether the plan
 * decides what the analyst expects, and if not, exactly what differs.
 */
@Component
public class ScenarioRunner {

    /** The verdict on one scenario: its failures (empty when it passed). */
    public record Verdict(String file, String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final RuleSetCompiler compiler;

    ScenarioRunner(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    public List<Verdict> runAll(Path rulesDir) throws IOException {
        CompiledRuleSet rules = compiler.compile(rulesDir);
        Path folder = rulesDir.resolve("scenarios");
        List<Path> files;
        if (!Files.isDirectory(folder)) {
            files = List.of();
        } else {
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Path file : files) {
            String relative = "scenarios/" + file.getFileName();
            Scenario scenario;
            try {
                scenario = ScenarioFile.read(file, relative);
            } catch (IOException | RuntimeException unreadable) {
                verdicts.add(new Verdict(relative, relative, List.of("cannot read the scenario: " + unreadable.getMessage())));
                continue;
            }
            verdicts.add(run(rules, scenario));
        }
        return verdicts;
    }

    Verdict run(CompiledRuleSet rules, Scenario scenario) {
        Map<String, Set<String>> firedByEmployee = new HashMap<>();
        Set<String> firedOnScopes = new HashSet<>();
        List<String> failures = new ArrayList<>();
        try (PlanSession plan = new PlanSession(rules, session -> session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                String employee = event.getMatch().getObjects().stream().map(ScenarioRunner::employeeOf)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (employee == null) {
                    firedOnScopes.add(rule);
                } else {
                    firedByEmployee.computeIfAbsent(employee, e -> new HashSet<>()).add(rule);
                }
            }
        }))) {
            Map<String, Segment> segments = given(plan, scenario);
            plan.fire();
            Map<String, BigDecimal> cx = new HashMap<>();
            plan.facts(CxIndex.class).forEach(c -> cx.put(Scope.subjectOf(c.scope(), c.departmentId()), c.value()));
            Map<String, PayoutDecision> payouts = new HashMap<>();
            plan.facts(PayoutDecision.class).forEach(p -> payouts.put(p.employeeId(), p));
            payouts.putAll(segmentedPayouts(plan, segments, payouts));
            // a rule that fired on a segment fired for its employee
            segments.forEach((key, segment) -> firedByEmployee.computeIfAbsent(segment.employeeId(), e -> new HashSet<>())
                    .addAll(firedByEmployee.getOrDefault(key, Set.of())));
            scenario.expectedCx().forEach((scope, expected) -> {
                BigDecimal actual = cx.get(normalise(scope));
                if (actual == null) {
                    failures.add("CX index of " + scope + ": expected " + expected.toPlainString() + ", the plan gave none");
                } else if (!sameAt(expected, actual)) {
                    failures.add("CX index of " + scope + ": expected " + expected.toPlainString() + ", got " + shown(actual, expected));
                }
            });
            scenario.expectedPayouts().forEach((id, expected) -> {
                PayoutDecision actual = payouts.get(id);
                if (actual == null) {
                    failures.add(id + ": the plan decided no payout");
                    return;
                }
                if (expected.score() != null && !sameAt(expected.score(), actual.score())) {
                    failures.add(id + " score: expected " + expected.score().toPlainString() + ", got " + shown(actual.score(), expected.score()));
                }
                if (expected.amount() != null && expected.amount().compareTo(actual.amount()) != 0) {
                    failures.add(id + " amount: expected " + expected.amount().toPlainString() + ", got " + actual.amount().toPlainString());
                }
                Set<String> fired = new HashSet<>(firedOnScopes);
                fired.addAll(firedByEmployee.getOrDefault(id, Set.of()));
                expected.fired().stream().filter(r -> !fired.contains(r))
                        .forEach(r -> failures.add(id + ": expected rule \"" + r + "\" to fire, it did not"));
                expected.notFired().stream().filter(fired::contains)
                        .forEach(r -> failures.add(id + ": expected rule \"" + r + "\" not to fire, it did"));
            });
        } catch (RuntimeException broken) {
            failures.add("the scenario could not run: " + broken.getMessage());
        }
        return new Verdict(scenario.file(), scenario.name(), failures);
    }

    /**
     * Each segmented employee's payout as the quarterly job makes it: segment amounts min(target bonus × score, cap ×
     * target bonus), 0 when gated, summed and rounded to cents; the score weighted by segment target bonuses.
     */
    private static Map<String, PayoutDecision> segmentedPayouts(PlanSession plan, Map<String, Segment> segments,
            Map<String, PayoutDecision> decisions) {
        Map<String, PayoutCap> caps = new HashMap<>();
        plan.facts(PayoutCap.class).forEach(c -> caps.put(c.role(), c));
        Map<String, Employee> facts = new HashMap<>();
        plan.facts(Employee.class).forEach(e -> facts.put(e.employeeId(), e));
        Map<String, List<ScoredSegment>> byEmployee = new java.util.TreeMap<>();
        segments.forEach((key, segment) -> {
            PayoutDecision decision = decisions.get(key);
            if (decision == null) {
                throw new IllegalStateException("the plan decided no payout for " + key);
            }
            Employee fact = facts.get(key);
            byEmployee.computeIfAbsent(segment.employeeId(), e -> new ArrayList<>()).add(new ScoredSegment(segment, fact,
                    decision.score(), SegmentedPayouts.segmentAmount(fact, decision, caps.get(fact.role())), decision.capped(),
                    decision.gated(), List.of(), List.of()));
        });
        Map<String, PayoutDecision> payouts = new HashMap<>();
        byEmployee.forEach((id, scored) -> {
            ScoredPayout p = SegmentedPayouts.combine(scored);
            payouts.put(id, new PayoutDecision(id, p.employee().role(), p.score(), p.amount(), p.capped(), p.gated()));
        });
        return payouts;
    }

    /** Inserts the scopes and employees; returns the segments of segmented employees by their facts' keys. */
    private static Map<String, Segment> given(PlanSession plan, Scenario scenario) {
        for (Scenario.ScopeGiven scope : scenario.scopes()) {
            plan.insert(new Scope(scope.scope(), scope.departmentId(), scope.ownsTouchpoints(), scope.failedMomentsOfTruth()));
            for (Scenario.MetricGiven m : scope.metrics()) {
                boolean higher = MetricCode.valueOf(m.metric()).higherIsBetter();
                if (m.attainment() != null) {
                    plan.insert(new MetricAttainment(scope.scope(), scope.departmentId(), m.metric(), m.attainment(), "GIVEN"));
                } else if (m.insufficient()) {
                    plan.insert(new MetricInput(scope.scope(), scope.departmentId(), m.metric(), null, 0, false, higher, null, null, null));
                } else {
                    plan.insert(new MetricInput(scope.scope(), scope.departmentId(), m.metric(), m.value(), m.sample(), true, higher,
                            m.threshold(), m.target(), m.stretch()));
                }
            }
        }
        Map<String, Segment> segments = new HashMap<>();
        for (Scenario.EmployeeGiven e : scenario.employees()) {
            if (e.segments().isEmpty()) {
                plan.insert(new Employee(e.id(), e.role(), e.departmentId(), null, e.targetBonus(), e.salesPct(), e.productivityPct()));
                continue;
            }
            for (Scenario.SegmentGiven g : e.segments()) {
                Period quarter = new Period(g.from().getYear(), (g.from().getMonthValue() - 1) / 3 + 1);
                int days = (int) java.time.temporal.ChronoUnit.DAYS.between(g.from(), g.to()) + 1;
                Segment segment = new Segment(Segment.keyOf(e.id(), g.from(), g.to()), e.id(), g.from(), g.to(), days,
                        quarter.days());
                BigDecimal targetBonus = g.targetBonus().multiply(BigDecimal.valueOf(days), PlanMath.MATH)
                        .divide(BigDecimal.valueOf(quarter.days()), PlanMath.MATH);
                plan.insert(new Employee(segment.key(), g.role(), g.departmentId(), null, targetBonus, e.salesPct(),
                        e.productivityPct()));
                segments.put(segment.key(), segment);
            }
        }
        return segments;
    }

    private static String employeeOf(Object fact) {
        if (fact instanceof Employee e) {
            return e.employeeId();
        }
        if (fact instanceof PayoutDecision p) {
            return p.employeeId();
        }
        if (fact instanceof Score s) {
            return s.employeeId();
        }
        if (fact instanceof ScoreLine l) {
            return l.employeeId();
        }
        return fact instanceof ComponentAttainment c ? c.employeeId() : null;
    }

    private static String normalise(String scope) {
        String[] parts = scope.trim().split("\\s+");
        return parts.length == 1 ? parts[0] : parts[0] + " " + parts[1];
    }

    /** Compared at the precision the analyst wrote (at least 4 places), HALF_EVEN. */
    private static boolean sameAt(BigDecimal expected, BigDecimal actual) {
        int scale = Math.max(4, expected.scale());
        return expected.setScale(scale, RoundingMode.HALF_EVEN).compareTo(actual.setScale(scale, RoundingMode.HALF_EVEN)) == 0;
    }

    private static String shown(BigDecimal actual, BigDecimal expected) {
        return actual.setScale(Math.max(4, expected.scale()), RoundingMode.HALF_EVEN).toPlainString();
    }
}
