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
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.scoring.ComponentAttainment;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.Employee;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.MetricInput;
import org.promiseledger.scoring.PayoutDecision;
import org.promiseledger.scoring.PlanSession;
import org.promiseledger.scoring.Score;
import org.promiseledger.scoring.ScoreLine;
import org.promiseledger.scoring.Scope;
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
            given(plan, scenario);
            plan.fire();
            Map<String, BigDecimal> cx = new HashMap<>();
            plan.facts(CxIndex.class).forEach(c -> cx.put(Scope.subjectOf(c.scope(), c.departmentId()), c.value()));
            Map<String, PayoutDecision> payouts = new HashMap<>();
            plan.facts(PayoutDecision.class).forEach(p -> payouts.put(p.employeeId(), p));
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

    private static void given(PlanSession plan, Scenario scenario) {
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
        for (Scenario.EmployeeGiven e : scenario.employees()) {
            plan.insert(new Employee(e.id(), e.role(), e.departmentId(), null, e.targetBonus(), e.salesPct(), e.productivityPct()));
        }
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
