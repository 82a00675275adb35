package org.promiseledger.web.internal;

import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the Metrics and CX pages show of one run's metrics: the heatmap of the chosen scope kind, and the metric table
 * narrowed by the filters. Links keep the quarter, the heatmap's scope and the filters, so both work without scripts.
 */
record AttainmentBoard(String action, String period, Heatmap heatmap, MetricFilter filter, List<AttainedMetric> rows,
        int allRows, Map<String, String> departments) {

    public List<String> heatmapKinds() {
        return Heatmap.KINDS.stream().map(Enum::name).toList();
    }

    public List<String> scopes() {
        return MetricFilter.SCOPES;
    }

    public List<String> metrics() {
        return MetricFilter.METRICS;
    }

    public List<String> statuses() {
        return MetricFilter.STATUSES;
    }

    /** The same page with the heatmap switched to another scope kind, filters kept. */
    public String heatmapLink(String kind) {
        return link(kind, filter, "heatmap-section");
    }

    /** The same page with the table narrowed to one scope's metrics (what a heatmap row heads). */
    public String rowLink(ScopeRef scope) {
        return link(heatmap.kind().name(), new MetricFilter(scope.kind().name(), scope.departmentId(), null, null), "metric-table");
    }

    /** The same page with the table narrowed to one metric across the heatmap's scope kind. */
    public String columnLink(String metric) {
        return link(heatmap.kind().name(), new MetricFilter(heatmap.kind().name(), null, metric, null), "metric-table");
    }

    public String clearLink() {
        return link(heatmap.kind().name(), new MetricFilter(null, null, null, null), "metric-table");
    }

    public String departmentLabel(String departmentId) {
        return ScopeRef.COMPANY_ID.equals(departmentId) ? "Company" : departmentId + " " + departments.getOrDefault(departmentId, "");
    }

    public String heatmapLabel(String kind) {
        return ScopeKind.valueOf(kind) == ScopeKind.SUBTREE ? "Subtrees" : "Departments";
    }

    private String link(String kind, MetricFilter f, String fragment) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(action).queryParam("period", period).queryParam("heatmap", kind);
        add(uri, "scope", f.scope());
        add(uri, "department", f.department());
        add(uri, "metric", f.metric());
        add(uri, "status", f.status());
        return uri.fragment(fragment).encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }
}
