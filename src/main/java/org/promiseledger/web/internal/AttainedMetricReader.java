package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.stereotype.Component;

/**
 * Reads what a run stored for every scope: each metric with the attainment the rules gave it, and each scope's CX index.
 * Nothing is recomputed: the pages colour and list exactly what was paid on.
 */
@Component
class AttainedMetricReader {

    /** A scope's CX index as stored, with how the rules reached it (WEIGHTED_METRICS, COMPANY_CX, MOMENT_OF_TRUTH_CAP). */
    record StoredCx(BigDecimal cxIndex, String basis) {
    }

    private final DepartmentMetricStore metrics;
    private final ScopeResultStore results;

    AttainedMetricReader(DepartmentMetricStore metrics, ScopeResultStore results) {
        this.metrics = metrics;
        this.results = results;
    }

    /** In export order: scope (COMPANY, DEPARTMENT, SUBTREE), department id, metric code. */
    List<AttainedMetric> of(long runId) {
        Map<String, MetricAttainment> attained = new HashMap<>();
        results.attainmentsOf(runId).forEach(a -> attained.put(key(a.scope(), a.departmentId(), a.metric()), a));
        return metrics.metricsOf(runId).stream().map(m -> {
            MetricAttainment a = attained.get(key(m.scope().kind().name(), m.scope().departmentId(), m.metric().name()));
            return new AttainedMetric(m.scope(), m.metric().name(), m.value(), m.sampleSize(), m.status().name(),
                    a == null ? null : a.attainment(), a == null ? null : a.basis());
        }).toList();
    }

    Map<ScopeRef, StoredCx> cxIndexes(long runId) {
        Map<ScopeRef, StoredCx> cx = new HashMap<>();
        results.cxIndexesOf(runId).forEach((scope, index) -> cx.put(scope, new StoredCx(index.value(), index.basis())));
        return cx;
    }

    private static String key(String scope, String departmentId, String metric) {
        return scope + "|" + departmentId + "|" + metric;
    }
}
