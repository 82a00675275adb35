package org.promiseledger.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;

    AttainedMetricReader(DepartmentMetricStore metrics, JdbcTemplate jdbc) {
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    /** In export order: scope (COMPANY, DEPARTMENT, SUBTREE), department id, metric code. */
    List<AttainedMetric> of(long runId) {
        record Attained(BigDecimal attainment, String basis) {
        }
        Map<String, Attained> attained = new HashMap<>();
        jdbc.query("SELECT scope, department_id, metric, attainment, basis FROM metric_attainment WHERE run_id = ?", rs -> {
            attained.put(key(rs.getString(1), rs.getString(2), rs.getString(3)), new Attained(rs.getBigDecimal(4), rs.getString(5)));
        }, runId);
        return metrics.metricsOf(runId).stream().map(m -> {
            Attained a = attained.get(key(m.scope().kind().name(), m.scope().departmentId(), m.metric().name()));
            return new AttainedMetric(m.scope(), m.metric().name(), m.value(), m.sampleSize(), m.status().name(),
                    a == null ? null : a.attainment(), a == null ? null : a.basis());
        }).toList();
    }

    Map<ScopeRef, StoredCx> cxIndexes(long runId) {
        Map<ScopeRef, StoredCx> cx = new HashMap<>();
        jdbc.query("SELECT scope, department_id, cx_index, basis FROM cx_index WHERE run_id = ?", rs -> {
            cx.put(new ScopeRef(ScopeKind.valueOf(rs.getString(1)), rs.getString(2)), new StoredCx(rs.getBigDecimal(3), rs.getString(4)));
        }, runId);
        return cx;
    }

    private static String key(String scope, String departmentId, String metric) {
        return scope + "|" + departmentId + "|" + metric;
    }
}
