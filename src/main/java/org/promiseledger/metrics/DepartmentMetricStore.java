package org.promiseledger.metrics;

import org.promiseledger.kernel.CodePoints;

import java.math.BigDecimal;
import java.util.List;

import org.promiseledger.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The department_metrics and mot_check tables: what the run measured, read back by scoring, exports, the API and the
 * pages. Only metrics/ writes them, and other features read them only through the public methods here.
 */
@Repository
public class DepartmentMetricStore {

    private final JdbcTemplate jdbc;

    DepartmentMetricStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void replace(long runId, Period period, List<DepartmentMetric> metrics, List<MomentOfTruthCheck> checks) {
        jdbc.update("DELETE FROM department_metrics WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM mot_check WHERE run_id = ?", runId);
        jdbc.batchUpdate("INSERT INTO department_metrics (run_id, period, scope, department_id, metric, value, sample_size, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", metrics.stream().map(m -> new Object[] {runId, period.toString(),
                        m.scope().kind().name(), m.scope().departmentId(), m.metric().name(), m.value(), m.sampleSize(),
                        m.status().name()}).toList());
        jdbc.batchUpdate("INSERT INTO mot_check (run_id, touchpoint_id, owner_department_id, csat, csat_sample, company_threshold, fired)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", checks.stream().map(c -> new Object[] {runId, c.touchpointId(),
                        c.ownerDepartmentId(), c.csat(), c.csatSample(), c.companyThreshold(), c.fired()}).toList());
    }

    /** Every metric row of the run, in export order (scope kind, department id by code point, metric code). */
    public List<DepartmentMetric> metricsOf(long runId) {
        return jdbc.query("SELECT scope, department_id, metric, value, sample_size, status FROM department_metrics WHERE run_id = ?",
                (rs, i) -> new DepartmentMetric(new ScopeRef(ScopeKind.valueOf(rs.getString(1)), rs.getString(2)),
                        MetricCode.valueOf(rs.getString(3)), scaled(rs.getBigDecimal(4)), rs.getLong(5),
                        MetricStatus.valueOf(rs.getString(6))), runId)
                .stream()
                .sorted(java.util.Comparator.comparing(DepartmentMetric::scope).thenComparing(DepartmentMetric::metric))
                .toList();
    }

    /** One scope's metric rows, in metric code order; empty when the run has no such scope. */
    public List<DepartmentMetric> metricsOf(long runId, ScopeRef scope) {
        return jdbc.query("SELECT metric, value, sample_size, status FROM department_metrics WHERE run_id = ? AND scope = ?"
                + " AND department_id = ?", (rs, i) -> new DepartmentMetric(scope, MetricCode.valueOf(rs.getString(1)),
                        scaled(rs.getBigDecimal(2)), rs.getLong(3), MetricStatus.valueOf(rs.getString(4))),
                runId, scope.kind().name(), scope.departmentId())
                .stream().sorted(java.util.Comparator.comparing(DepartmentMetric::metric)).toList();
    }

    /** One metric of one scope as stored; empty when the row is missing or its value is (no observations). */
    public java.util.Optional<BigDecimal> valueOf(long runId, ScopeRef scope, MetricCode metric) {
        return jdbc.query("SELECT value FROM department_metrics WHERE run_id = ? AND scope = ? AND department_id = ?"
                + " AND metric = ?", (rs, i) -> rs.getBigDecimal(1), runId, scope.kind().name(), scope.departmentId(),
                metric.name()).stream().filter(java.util.Objects::nonNull).map(DepartmentMetricStore::scaled).findFirst();
    }

    /** Every moment-of-truth check of the run, by touchpoint id in code-point order. */
    public List<MomentOfTruthCheck> momentOfTruthChecksOf(long runId) {
        return jdbc.query("SELECT touchpoint_id, owner_department_id, csat, csat_sample, company_threshold, fired"
                + " FROM mot_check WHERE run_id = ?", (rs, i) -> new MomentOfTruthCheck(rs.getString(1), rs.getString(2),
                        scaled(rs.getBigDecimal(3)), rs.getLong(4), rs.getBigDecimal(5), rs.getBoolean(6)), runId)
                .stream().sorted(java.util.Comparator.comparing(MomentOfTruthCheck::touchpointId, CodePoints.ORDER)).toList();
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(MetricFormulas.STORED_SCALE);
    }

    /**
     * Whether any touchpoint makes up the scope (scope_touchpoint, recorded when the run aggregated): a scope without
     * one is scored on its internal service only (the INTERNAL_ONLY profile of the CX weights).
     */
    public boolean ownsTouchpoints(long runId, ScopeRef scope) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM scope_touchpoint WHERE run_id = ? AND scope = ? AND department_id = ?",
                Integer.class, runId, scope.kind().name(), scope.departmentId());
        return found != null && found > 0;
    }
}
