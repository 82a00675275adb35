package org.promiseledger.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Watches one rule session for the facts that are decisions: which rule decided and which weighed each component (taken
 * from the engine's own record of the inserting rule, never from a rule's name or words), and the order in which
 * decision facts were inserted, so they are booked in the order the rules made them. One per session.
 */
final class DecidingRules {

    private final List<PlanDecision> attainments = new ArrayList<>();
    private final List<PlanDecision> weights = new ArrayList<>();
    private final Map<Object, Integer> insertedAt = new IdentityHashMap<>();

    void watch(KieSession session) {
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                Object fact = event.getObject();
                if (fact instanceof ComponentAttainment a && event.getRule() != null) {
                    attainments.add(new PlanDecision(a.employeeId(), PlanDecision.ATTAINMENT, true, a.component(),
                            "component attainment", a.attainment(), event.getRule().getName()));
                } else if (fact instanceof ScoreLine l && event.getRule() != null) {
                    weights.add(new PlanDecision(l.employeeId(), PlanDecision.WEIGHT, true, l.component(),
                            "weighted contribution", l.contribution(), event.getRule().getName()));
                } else if (fact instanceof PlanDecision || fact instanceof CustomerGate) {
                    insertedAt.put(fact, insertedAt.size());
                }
            }
        });
    }

    /** Which rule decided each component's attainment, then which weighed it, each in component order. */
    List<PlanDecision> attainments() {
        List<PlanDecision> all = new ArrayList<>(attainments);
        all.addAll(weights);
        return all.stream().sorted(Comparator.comparing(d -> PlanScorer.COMPONENT_ORDER.indexOf(d.outcome()))).toList();
    }

    /** The facts in the order they were inserted. */
    <T> List<T> inserted(List<T> facts) {
        return facts.stream().sorted(Comparator.comparing(f -> insertedAt.getOrDefault(f, Integer.MAX_VALUE))).toList();
    }
}
