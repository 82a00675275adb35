package org.promiseledger.web.internal;

import java.util.Arrays;
import java.util.List;

import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.MetricStatus;
import org.promiseledger.metrics.ScopeKind;

/**
 * The metric table's filters, as typed in the address (so they work without scripts and can be bookmarked): scope
 * kind, department id (COMPANY for the company row), metric code and status; an empty one lets everything through.
 */
record MetricFilter(String scope, String department, String metric, String status) {

    static final List<String> SCOPES = Arrays.stream(ScopeKind.values()).map(Enum::name).toList();
    static final List<String> METRICS = Arrays.stream(MetricCode.values()).map(Enum::name).toList();
    static final List<String> STATUSES = Arrays.stream(MetricStatus.values()).map(Enum::name).toList();

    /** A value outside the fixed lists is the reader's mistake (400); an unknown department simply matches nothing. */
    static MetricFilter of(String scope, String department, String metric, String status) {
        return new MetricFilter(checked("scope", scope, SCOPES), blankToNull(department), checked("metric", metric, METRICS),
                checked("status", status, STATUSES));
    }

    public boolean active() {
        return scope != null || department != null || metric != null || status != null;
    }

    boolean matches(AttainedMetric m) {
        return (scope == null || scope.equals(m.scope().kind().name()))
                && (department == null || department.equals(m.scope().departmentId()))
                && (metric == null || metric.equals(m.metric()))
                && (status == null || status.equals(m.status()));
    }

    List<AttainedMetric> apply(List<AttainedMetric> rows) {
        return rows.stream().filter(this::matches).toList();
    }

    private static String checked(String name, String value, List<String> allowed) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            throw new BadRequestException(name + " '" + v + "' is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
