package org.promiseledger.scoring;


import java.util.List;

import org.kie.api.runtime.KieSession;
import org.promiseledger.rules.CompiledRuleSet;

/**
 * A rule session with the plan's tables already fired: the roles, CX profiles and curve points are asked for, so
 * every weight, cap and curve point exists before any metric or employee is inserted.
 */
public final class PlanSession implements AutoCloseable {

    public static final List<String> ROLES = List.of("EXECUTIVE", "MANAGER", "STAFF");
    public static final List<String> PROFILES = List.of(Scope.CUSTOMER_FACING, Scope.INTERNAL_ONLY);
    public static final List<String> CURVE_POINTS = List.of("AT_THRESHOLD", "AT_TARGET", "AT_STRETCH", "CAP");

    private final KieSession session;
    private final RuleTrail trail = new RuleTrail();

    public PlanSession(CompiledRuleSet rules) {
        this(rules, session -> {
        });
    }

    /** @param watch lets a caller listen to the session (e.g. which rule inserted which fact) before anything fires */
    public PlanSession(CompiledRuleSet rules, java.util.function.Consumer<KieSession> watch) {
        session = rules.newSession();
        watch.accept(session);
        session.setGlobal("trail", trail);
        ROLES.forEach(r -> session.insert(new Role(r)));
        PROFILES.forEach(p -> session.insert(new CxProfile(p)));
        CURVE_POINTS.forEach(c -> session.insert(new CurveKnob(c)));
        session.fireAllRules();
    }

    public void insert(Object fact) {
        session.insert(fact);
    }

    public void fire() {
        session.fireAllRules();
    }

    public KieSession session() {
        return session;
    }

    public RuleTrail trail() {
        return trail;
    }

    public <T> List<T> facts(Class<T> type) {
        return session.getObjects(type::isInstance).stream().map(type::cast).toList();
    }

    @Override
    public void close() {
        session.dispose();
    }
}
