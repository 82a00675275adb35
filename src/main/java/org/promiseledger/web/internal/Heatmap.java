package org.promiseledger.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;

/**
 * Department × metric attainments of one run for one kind of scope (DEPARTMENT or SUBTREE), with the company as the
 * first row to compare against and each scope's CX index as the last column. Rows follow the department tree, so a
 * weak branch shows as a block.
 */
record Heatmap(ScopeKind kind, List<String> metrics, List<Row> rows) {

    /** The kinds the heatmap can be switched between. */
    static final List<ScopeKind> KINDS = List.of(ScopeKind.DEPARTMENT, ScopeKind.SUBTREE);

    /** One scope: its title, how deep it sits in the tree (the company: -1), a cell per metric, and its CX index. */
    record Row(ScopeRef scope, String title, int depth, List<HeatCell> cells, HeatCell cx) {

        public String depthClass() {
            return "depth-" + Math.max(0, Math.min(6, depth + 1));
        }
    }

    static Heatmap of(ScopeKind kind, List<AttainedMetric> stored, Map<ScopeRef, AttainedMetricReader.StoredCx> cx,
            Workforce workforce) {
        if (!KINDS.contains(kind)) {
            throw new BadRequestException("the heatmap shows DEPARTMENT or SUBTREE scopes, not " + kind);
        }
        List<String> metrics = Arrays.stream(MetricCode.values()).map(Enum::name).toList();
        Map<ScopeRef, Map<String, AttainedMetric>> byScope = new HashMap<>();
        stored.forEach(m -> byScope.computeIfAbsent(m.scope(), s -> new HashMap<>()).put(m.metric(), m));
        List<Row> rows = new ArrayList<>();
        rows.add(row(ScopeRef.COMPANY, "Company", -1, metrics, byScope, cx));
        for (OrgOrder.Placed d : OrgOrder.depthFirst(workforce.org())) {
            ScopeRef scope = new ScopeRef(kind, d.departmentId());
            rows.add(row(scope, d.departmentId() + " " + workforce.departmentName(d.departmentId()), d.depth(), metrics, byScope, cx));
        }
        return new Heatmap(kind, metrics, rows);
    }

    public String caption() {
        return kind == ScopeKind.SUBTREE
                ? "Attainment by metric of each department's subtree (the department and everything below it)"
                : "Attainment by metric of each department's own touchpoints";
    }

    private static Row row(ScopeRef scope, String title, int depth, List<String> metrics,
            Map<ScopeRef, Map<String, AttainedMetric>> byScope, Map<ScopeRef, AttainedMetricReader.StoredCx> cx) {
        String scopeTitle = switch (scope.kind()) {
            case COMPANY -> "the company";
            case DEPARTMENT -> "department " + title;
            case SUBTREE -> "subtree " + title;
        };
        Map<String, AttainedMetric> own = byScope.getOrDefault(scope, Map.of());
        List<HeatCell> cells = metrics.stream().map(metric -> own.containsKey(metric)
                ? HeatCell.of(own.get(metric), scopeTitle) : HeatCell.missing(metric, scopeTitle)).toList();
        return new Row(scope, title, depth, cells, HeatCell.cx(cx.get(scope), scopeTitle));
    }
}
