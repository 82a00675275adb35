package org.promiseledger.scoring;

import java.util.Set;
import java.util.TreeSet;

import org.promiseledger.rules.CompiledRuleSet;

/** Asks a compiled plan what it weighs, by letting its tables fire on their own. */
public final class PlanInspector {

    private PlanInspector() {
    }

    /** Every metric with a non-zero weight in some CX profile: the company must have a target row for each. */
    public static Set<String> weightedMetrics(CompiledRuleSet rules) {
        try (PlanSession plan = new PlanSession(rules)) {
            Set<String> metrics = new TreeSet<>();
            plan.facts(MetricWeight.class).stream().filter(w -> w.weight().signum() != 0).forEach(w -> metrics.add(w.metric()));
            return metrics;
        }
    }
}
