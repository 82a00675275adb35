package org.promiseledger.workbench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleProblem;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.runs.PlanCheck;
import org.promiseledger.scoring.ComponentWeight;
import org.promiseledger.scoring.CurvePoint;
import org.promiseledger.scoring.MetricWeight;
import org.promiseledger.scoring.PayoutCap;
import org.promiseledger.scoring.PlanSession;
import org.promiseledger.workbench.internal.RuleLocator;
import org.springframework.stereotype.Component;

/**
 * `rules validate`: every compile error of every file, then the plan's sense — weights of each role and of each CX
 * profile add up to 1, the curve's points go up, every weighted metric and component is one the engine knows, every
 * role has a payout cap — each reported at the file and place the analyst has to change. `run` refuses a plan with
 * any of these problems ({@link PlanCheck}). A cap below 1 is a warning, not a problem: it cuts pay at target, which
 * a plan may mean to do.
 */
@Component
public class RulesValidation implements PlanCheck {

    static final Set<String> COMPONENTS = Set.of("COMPANY_CX", "DEPARTMENT_CX", "SUBTREE_CX", "INDIVIDUAL");

    private final RuleSetCompiler compiler;

    RulesValidation(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    /** Every problem: compile errors, else the plan's. Empty when the rules may be run. */
    public List<RuleProblem> validate(Path rulesDir) {
        return findings(rulesDir).problems();
    }

    @Override
    public List<RuleProblem> problems(Path rulesDir) {
        return validate(rulesDir);
    }

    /** What is allowed but probably not meant (a cap below 1), each at its file and place. */
    public List<RuleProblem> warnings(Path rulesDir) {
        return findings(rulesDir).warnings();
    }

    /** What `rules validate` reports: problems (the rules may not be run) and warnings (allowed, probably not meant). */
    public record Findings(List<RuleProblem> problems, List<RuleProblem> warnings) {

        static Findings problems(List<RuleProblem> problems) {
            return new Findings(problems, List.of());
        }
    }

    /** Problems and warnings from one reading of the plan. */
    public Findings findings(Path rulesDir) {
        CompiledRuleSet rules;
        try {
            rules = compiler.compile(rulesDir);
        } catch (RuleCompilationException e) {
            return Findings.problems(e.problems());
        } catch (IllegalArgumentException e) {
            return Findings.problems(List.of(new RuleProblem(rulesDir.toString(), null, e.getMessage())));
        }
        RuleLocator locator = new RuleLocator(rulesDir);
        Map<Object, String> insertedBy = new IdentityHashMap<>();
        List<MetricWeight> metricWeights;
        List<ComponentWeight> componentWeights;
        List<PayoutCap> caps;
        List<CurvePoint> curve;
        try (PlanSession plan = new PlanSession(rules, session -> session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    insertedBy.put(event.getObject(), event.getRule().getName());
                }
            }
        }))) {
            metricWeights = plan.facts(MetricWeight.class);
            componentWeights = plan.facts(ComponentWeight.class);
            caps = plan.facts(PayoutCap.class);
            curve = plan.facts(CurvePoint.class);
        } catch (org.kie.api.runtime.rule.ConsequenceException e) {
            // a rule that throws while the plan is read (e.g. a cell that is not a number): where, and why
            RuleLocator.Place place = e.getMatch() == null ? null : locator.ofRule(e.getMatch().getRule().getName());
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Findings.problems(List.of(at(place, null, "the rule \"" + (e.getMatch() == null ? "?" : e.getMatch().getRule().getName())
                    + "\" fails: " + cause.getClass().getSimpleName() + ": " + cause.getMessage())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Function<Object, RuleLocator.Place> placeOf = fact -> insertedBy.containsKey(fact) ? locator.ofRule(insertedBy.get(fact)) : null;

        for (MetricWeight w : metricWeights) {
            if (!MetricCode.names().contains(w.metric())) {
                problems.add(at(locator.ofText("\"" + w.metric() + "\""), placeOf.apply(w), "'" + w.metric()
                        + "' is not a metric the engine computes (known: " + String.join(", ", new java.util.TreeSet<>(MetricCode.names())) + ")"));
            }
            if (w.weight().signum() < 0) {
                problems.add(at(placeOf.apply(w), null, "the weight of " + w.metric() + " is negative: " + w.weight().toPlainString()));
            }
        }
        for (String profile : PlanSession.PROFILES) {
            List<MetricWeight> own = metricWeights.stream().filter(w -> w.profile().equals(profile)).toList();
            checkSumIsOne(problems, "the CX weights of " + profile, own.stream().map(MetricWeight::weight).toList(),
                    own.isEmpty() ? null : placeOf.apply(own.get(0)), "cx weights");
        }
        for (ComponentWeight w : componentWeights) {
            if (!COMPONENTS.contains(w.component())) {
                problems.add(at(locator.ofText("\"" + w.component() + "\""), placeOf.apply(w), "'" + w.component()
                        + "' is not a scorecard component (known: COMPANY_CX, DEPARTMENT_CX, SUBTREE_CX, INDIVIDUAL)"));
            }
        }
        for (String role : PlanSession.ROLES) {
            List<ComponentWeight> own = componentWeights.stream().filter(w -> w.role().equals(role)).toList();
            checkSumIsOne(problems, "the component weights of " + role, own.stream().map(ComponentWeight::weight).toList(),
                    own.isEmpty() ? null : placeOf.apply(own.get(0)), "role weights");
            List<PayoutCap> roleCaps = caps.stream().filter(c -> c.role().equals(role)).toList();
            if (roleCaps.isEmpty()) {
                problems.add(at(own.isEmpty() ? null : placeOf.apply(own.get(0)), null, role + " has no payout cap"));
            }
            for (PayoutCap cap : roleCaps) {
                if (cap.multiple().compareTo(BigDecimal.ONE) < 0) {
                    warnings.add(at(placeOf.apply(cap), null, "the payout cap of " + role + " is "
                            + cap.multiple().toPlainString() + ", below 1 (it would cut pay at target)"));
                }
            }
        }
        checkCurve(problems, curve, placeOf);
        return new Findings(problems, warnings);
    }

    private static void checkSumIsOne(List<RuleProblem> problems, String what, List<BigDecimal> weights, RuleLocator.Place place,
            String table) {
        if (weights.isEmpty()) {
            problems.add(at(place, null, what + ": no weights at all (is the " + table + " table missing a row?)"));
            return;
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            problems.add(at(place, null, what + " add up to " + sum.toPlainString() + ", not 1"));
        }
    }

    private static void checkCurve(List<RuleProblem> problems, List<CurvePoint> curve, Function<Object, RuleLocator.Place> placeOf) {
        BigDecimal previous = BigDecimal.ZERO;
        String previousName = "zero";
        for (String name : PlanSession.CURVE_POINTS) {
            List<CurvePoint> points = curve.stream().filter(p -> p.name().equals(name)).toList();
            if (points.isEmpty()) {
                problems.add(new RuleProblem("(curve)", null, "the attainment curve has no " + name + " point"));
                continue;
            }
            CurvePoint point = points.get(0);
            if (point.value().compareTo(previous) < 0) {
                problems.add(at(placeOf.apply(point), null, "curve points must go up: " + name + " "
                        + point.value().toPlainString() + " is below " + previousName + " " + previous.toPlainString()));
            }
            previous = point.value();
            previousName = name;
        }
    }

    private static RuleProblem at(RuleLocator.Place place, RuleLocator.Place fallback, String message) {
        RuleLocator.Place where = place != null ? place : fallback;
        return where == null ? new RuleProblem("(plan)", null, message) : new RuleProblem(where.file(), where.place(), message);
    }
}
