package org.promiseledger.scoring;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.MetricStatus;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleProblem;

/**
 * Hands the stored metrics and the employees to the rules and collects what they decided. Scoring is partitioned
 * by department: one rule session holds the company, one department, its subtree and that department's employees,
 * which is all a department's payouts depend on.
 */
public final class PlanScorer {

    static final List<String> COMPONENT_ORDER = List.of("COMPANY_CX", "DEPARTMENT_CX", "SUBTREE_CX", "INDIVIDUAL");

    private final CompiledRuleSet rules;
    private final ScoringInput input;
    private final Map<ScopeRef, List<DepartmentMetric>> metricsByScope;
    private final Map<String, Target> targetsByKey;

    public PlanScorer(CompiledRuleSet rules, ScoringInput input) {
        this.rules = rules;
        this.input = input;
        this.metricsByScope = input.metrics().stream().collect(Collectors.groupingBy(DepartmentMetric::scope));
        this.targetsByKey = input.targets().stream().collect(Collectors.toMap(t -> t.metric() + "|" + t.scope(), t -> t));
    }

    /**
     * Scores every department, each in its own rule session, on as many threads as there are cores (sessions of one
     * compiled rule base run side by side safely), and merges the partitions in department order, so the result is
     * the same whatever finished first. Calls back after each department, in that order, for progress.
     */
    public ScoringResult score(Runnable afterEachDepartment) {
        return score(input.org().departments(), afterEachDepartment);
    }

    /** Scores the given departments and adds up each employee's segments into one payout. */
    public ScoringResult score(List<String> departments, Runnable afterEachDepartment) {
        return withSegmentsCombined(scorePartition(departments, afterEachDepartment));
    }

    /**
     * Scores only the given departments (a partition of a remote run), leaving the segments of employees with
     * mid-quarter changes uncombined in {@link ScoringResult#segments()}: a transfer's segments may lie in two
     * partitions, and only the whole run can add them up.
     */
    public ScoringResult scorePartition(List<String> departments, Runnable afterEachDepartment) {
        Map<String, List<Employee>> employeesByDepartment = input.employees().stream()
                .collect(Collectors.groupingBy(Employee::departmentId));
        Map<ScopeRef, ScopeResult> scopes = new java.util.TreeMap<>();
        List<ScoredPayout> payouts = new ArrayList<>();
        List<ScoredSegment> segments = new ArrayList<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), departments.size()));
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "scoring");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<Partition>> partitions = new ArrayList<>();
            for (String department : departments) {
                List<Employee> employees = employeesByDepartment.getOrDefault(department, List.of());
                partitions.add(workers.submit(() -> scorePartition(department, employees)));
            }
            for (java.util.concurrent.Future<Partition> future : partitions) {
                Partition partition = done(future);
                partition.scopes().forEach(s -> scopes.putIfAbsent(s.scope(), s));
                payouts.addAll(partition.payouts());
                segments.addAll(partition.segments());
                afterEachDepartment.run();
            }
        } finally {
            workers.shutdownNow();
        }
        return new ScoringResult(List.copyOf(scopes.values()), payouts, segments);
    }

    /** One payout per employee: each employee's segments added up, every payout in employee_id code-point order. */
    public static ScoringResult withSegmentsCombined(ScoringResult scored) {
        List<ScoredPayout> payouts = new ArrayList<>(scored.payouts());
        Map<String, List<ScoredSegment>> byEmployee = new HashMap<>();
        scored.segments().forEach(s -> byEmployee.computeIfAbsent(s.segment().employeeId(), k -> new ArrayList<>()).add(s));
        byEmployee.values().forEach(segments -> payouts.add(SegmentedPayouts.combine(segments)));
        payouts.sort(Comparator.comparing(p -> p.employee().employeeId(), CodePoints.ORDER));
        return new ScoringResult(scored.scopes(), payouts, List.of());
    }

    private static Partition done(java.util.concurrent.Future<Partition> partition) {
        try {
            return partition.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // e.g. the plan gave no payout for someone: reported as the rules' problem, as before
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private record Partition(List<ScopeResult> scopes, List<ScoredPayout> payouts, List<ScoredSegment> segments) {
    }

    private Partition scorePartition(String department, List<Employee> employees) {
        List<ScopeRef> scopeRefs = List.of(ScopeRef.COMPANY, ScopeRef.department(department), ScopeRef.subtree(department));
        DecidingRules deciding = new DecidingRules();
        try (PlanSession plan = new PlanSession(rules, deciding::watch)) {
            for (ScopeRef ref : scopeRefs) {
                plan.insert(scopeFact(ref));
                metricsByScope.getOrDefault(ref, List.of()).forEach(m -> plan.insert(metricInput(m)));
            }
            employees.forEach(plan::insert);
            plan.fire();
            return collect(plan, scopeRefs, employees, deciding);
        }
    }

    private Partition collect(PlanSession plan, List<ScopeRef> scopeRefs, List<Employee> employees, DecidingRules deciding) {
        Map<String, List<RuleTrail.Entry>> trailBySubject = plan.trail().entries().stream()
                .collect(Collectors.groupingBy(RuleTrail.Entry::subject, LinkedHashMap::new, Collectors.toList()));
        List<MetricAttainment> attainments = plan.facts(MetricAttainment.class);
        Map<String, CxIndex> cxBySubject = new HashMap<>();
        plan.facts(CxIndex.class).forEach(cx -> cxBySubject.put(Scope.subjectOf(cx.scope(), cx.departmentId()), cx));
        List<ScopeResult> scopes = new ArrayList<>();
        for (ScopeRef ref : scopeRefs) {
            String subject = Scope.subjectOf(ref.kind().name(), ref.departmentId());
            CxIndex cx = cxBySubject.get(subject);
            if (cx == null) {
                throw planIncomplete("the rules gave no CX index for " + subject);
            }
            List<MetricAttainment> own = attainments.stream()
                    .filter(a -> a.scope().equals(ref.kind().name()) && a.departmentId().equals(ref.departmentId()))
                    .sorted(Comparator.comparing(MetricAttainment::metric)).toList();
            scopes.add(new ScopeResult(ref, own, cx, trailBySubject.getOrDefault(subject, List.of())));
        }
        Map<String, PayoutDecision> decisions = new HashMap<>();
        for (PayoutDecision decision : plan.facts(PayoutDecision.class)) {
            if (decisions.put(decision.employeeId(), decision) != null) {
                throw planIncomplete("the rules decided two payouts for employee " + decision.employeeId());
            }
        }
        Map<String, List<ScoreLine>> lines = plan.facts(ScoreLine.class).stream()
                .sorted(Comparator.comparing(l -> COMPONENT_ORDER.indexOf(l.component())))
                .collect(Collectors.groupingBy(ScoreLine::employeeId));
        Map<String, PayoutCap> caps = new HashMap<>();
        plan.facts(PayoutCap.class).forEach(c -> caps.put(c.role(), c));
        Map<String, List<PlanDecision>> decided = decisionsByEmployee(plan, deciding);
        List<ScoredPayout> payouts = new ArrayList<>();
        List<ScoredSegment> segments = new ArrayList<>();
        for (Employee employee : employees) {
            PayoutDecision decision = decisions.get(employee.employeeId());
            if (decision == null) {
                throw planIncomplete("the rules decided no payout for employee " + employee.employeeId() + " (role "
                        + employee.role() + "): does every role have weights and a cap in the role table?");
            }
            List<ScoreLine> own = lines.getOrDefault(employee.employeeId(), List.of());
            List<RuleTrail.Entry> trail = trailBySubject.getOrDefault(employee.subject(), List.of());
            List<PlanDecision> made = decided.getOrDefault(employee.employeeId(), List.of());
            Segment segment = input.segments().get(employee.employeeId());
            if (segment == null) {
                payouts.add(new ScoredPayout(employee, decision.score(), decision.amount(), decision.capped(), decision.gated(),
                        own, trail, List.of(), made));
            } else {
                BigDecimal amount = SegmentedPayouts.segmentAmount(employee, decision, caps.get(employee.role()));
                segments.add(new ScoredSegment(segment, employee, decision.score(), amount, decision.capped(), decision.gated(),
                        own, trail, made));
            }
        }
        return new Partition(scopes, payouts, segments);
    }

    /**
     * Each employee's decisions, in {@link PlanDecision#KIND_ORDER} then in the order the rules made them: those the
     * rules inserted, their customer-gate facts, and which rule decided each component's attainment.
     */
    private static Map<String, List<PlanDecision>> decisionsByEmployee(PlanSession plan, DecidingRules deciding) {
        List<PlanDecision> all = new ArrayList<>(deciding.attainments());
        all.addAll(deciding.inserted(plan.facts(PlanDecision.class)));
        all.addAll(deciding.inserted(plan.facts(CustomerGate.class)).stream().map(CustomerGate::decision).toList());
        Map<String, List<PlanDecision>> byEmployee = new HashMap<>();
        all.stream().sorted(Comparator.comparing(d -> PlanDecision.KIND_ORDER.indexOf(d.kind())))
                .forEach(d -> byEmployee.computeIfAbsent(d.employeeId(), k -> new ArrayList<>()).add(d));
        return byEmployee;
    }

    private Scope scopeFact(ScopeRef ref) {
        Set<String> members = switch (ref.kind()) {
            case COMPANY -> null;
            case DEPARTMENT -> Set.of(ref.departmentId());
            case SUBTREE -> new HashSet<>(input.org().subtree(ref.departmentId()));
        };
        boolean owns = input.touchpointOwners().values().stream().anyMatch(o -> members == null || members.contains(o));
        List<String> failed = ref.kind() == ScopeKind.COMPANY ? List.of() : input.momentOfTruthChecks().stream()
                .filter(MomentOfTruthCheck::fired)
                .filter(c -> members.contains(c.ownerDepartmentId()))
                .map(MomentOfTruthCheck::touchpointId)
                .toList();
        return new Scope(ref.kind().name(), ref.departmentId(), owns, failed);
    }

    /** A scope uses its own target row for a metric, else the company's (a subtree: its root department's). */
    private MetricInput metricInput(DepartmentMetric m) {
        String metric = m.metric().name();
        Target target = targetsByKey.get(metric + "|" + m.scope().departmentId());
        if (target == null) {
            target = targetsByKey.get(metric + "|" + ScopeRef.COMPANY_ID);
        }
        return new MetricInput(m.scope().kind().name(), m.scope().departmentId(), metric, m.value(), m.sampleSize(),
                m.status() == MetricStatus.OK, m.metric().higherIsBetter(),
                target == null ? null : target.threshold(), target == null ? null : target.target(),
                target == null ? null : target.stretch());
    }

    private static RuleCompilationException planIncomplete(String message) {
        return new RuleCompilationException(List.of(new RuleProblem("(plan)", null, message)));
    }
}
