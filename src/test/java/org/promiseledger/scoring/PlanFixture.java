package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.MetricStatus;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.OrgChart;
import org.promiseledger.metrics.ScopeRef;

/**
 * Hand-built scoring input for rule tests: an org chart, which department owns which touchpoint, stored metric rows
 * per scope, moment-of-truth checks, the company's targets and the employees. Every scope of every department must
 * be given metrics (COMPANY, DEPARTMENT and SUBTREE), as the quarterly job stores them.
 *
 * <p>Company targets (threshold / target / stretch), chosen so attainments are easy to work by hand:
 * NPS 20/40/60, CSAT 70/80/90, CES 4/3/2, FCR 60/70/80, COMPLAINT_RATE 20/10/5, RETENTION 80/90/95,
 * CONSISTENCY 80/90/95, INTERNAL_SERVICE 50/70/90.
 */
final class PlanFixture {

    static final int SAMPLE = 100;

    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, String> touchpointOwners = new LinkedHashMap<>();
    private final Map<ScopeRef, Map<MetricCode, DepartmentMetric>> metrics = new LinkedHashMap<>();
    private final List<MomentOfTruthCheck> checks = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>(List.of(
            target("NPS", "20", "40", "60"),
            target("CSAT", "70", "80", "90"),
            target("CES", "4", "3", "2"),
            target("FCR", "60", "70", "80"),
            target("COMPLAINT_RATE", "20", "10", "5"),
            target("RETENTION", "80", "90", "95"),
            target("CONSISTENCY", "80", "90", "95"),
            target("INTERNAL_SERVICE", "50", "70", "90")));
    private final List<Employee> employees = new ArrayList<>();

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Target target(String metric, String threshold, String target, String stretch) {
        return new Target(metric, ScopeRef.COMPANY_ID, d(threshold), d(target), d(stretch));
    }

    PlanFixture department(String id, String parentId) {
        parents.put(id, parentId);
        return this;
    }

    PlanFixture touchpoint(String id, String ownerDepartmentId) {
        touchpointOwners.put(id, ownerDepartmentId);
        return this;
    }

    /**
     * The six weighted external metrics of a scope, all OK on {@value #SAMPLE} answers, plus CES 3 (at target);
     * a department or subtree also gets an INTERNAL_SERVICE row without answers.
     */
    PlanFixture external(ScopeRef scope, String nps, String csat, String fcr, String complaintRate, String retention,
            String consistency) {
        put(scope, MetricCode.NPS, nps, SAMPLE);
        put(scope, MetricCode.CSAT, csat, SAMPLE);
        put(scope, MetricCode.CES, "3", SAMPLE);
        put(scope, MetricCode.FCR, fcr, SAMPLE);
        put(scope, MetricCode.COMPLAINT_RATE, complaintRate, SAMPLE);
        put(scope, MetricCode.RETENTION, retention, SAMPLE);
        put(scope, MetricCode.CONSISTENCY, consistency, SAMPLE);
        if (scope.kind() != org.promiseledger.metrics.ScopeKind.COMPANY) {
            put(scope, MetricCode.INTERNAL_SERVICE, null, 0);
        }
        return this;
    }

    /** A scope without touchpoints: every external metric empty, INTERNAL_SERVICE as given. */
    PlanFixture internalOnly(ScopeRef scope, String internalService, long sample) {
        for (MetricCode code : MetricCode.external()) {
            put(scope, code, null, 0);
        }
        put(scope, MetricCode.INTERNAL_SERVICE, internalService, sample);
        return this;
    }

    /** Replaces one metric row; the status follows the sample against a min-sample of 30. */
    PlanFixture metric(ScopeRef scope, MetricCode code, String value, long sample) {
        put(scope, code, value, sample);
        return this;
    }

    PlanFixture momentOfTruth(String touchpointId, String ownerDepartmentId, String csat, boolean fired) {
        checks.add(new MomentOfTruthCheck(touchpointId, ownerDepartmentId, d(csat), SAMPLE, d("70"), fired));
        return this;
    }

    PlanFixture target(String metric, String scope, String threshold, String target, String stretch) {
        targets.add(new Target(metric, scope, d(threshold), d(target), d(stretch)));
        return this;
    }

    /** Target bonus = base × pct / 100, unrounded; null sales and productivity: no performance row. */
    PlanFixture employee(String id, String role, String departmentId, String baseSalary, String targetBonusPct,
            String salesPct, String productivityPct) {
        BigDecimal base = d(baseSalary);
        BigDecimal bonus = base.multiply(d(targetBonusPct), MathContext.DECIMAL128).divide(d("100"), MathContext.DECIMAL128);
        employees.add(new Employee(id, role, departmentId, base, bonus, salesPct == null ? null : d(salesPct),
                productivityPct == null ? null : d(productivityPct)));
        return this;
    }

    ScoringInput input() {
        List<DepartmentMetric> rows = new ArrayList<>();
        metrics.values().forEach(m -> rows.addAll(m.values()));
        return new ScoringInput(rows, List.copyOf(checks), List.copyOf(targets), Map.copyOf(touchpointOwners),
                new OrgChart(parents), List.copyOf(employees));
    }

    private void put(ScopeRef scope, MetricCode code, String value, long sample) {
        MetricStatus status = sample < 30 ? MetricStatus.INSUFFICIENT : MetricStatus.OK;
        metrics.computeIfAbsent(scope, s -> new EnumMap<>(MetricCode.class))
                .put(code, new DepartmentMetric(scope, code, value == null ? null : d(value), sample, status));
    }
}
