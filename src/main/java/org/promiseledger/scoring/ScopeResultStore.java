package org.promiseledger.scoring;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the rules decided per scope (attainments and CX index), kept with the run for scorecards and summaries: the
 * metric_attainment and cx_index tables. Only scoring/ writes them; other features read them through the public
 * methods here. Values come back as stored (12 decimals).
 */
@Repository
public class ScopeResultStore {

    private final JdbcTemplate jdbc;

    ScopeResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(long runId, List<ScopeResult> scopes) {
        jdbc.update("DELETE FROM metric_attainment WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM cx_index WHERE run_id = ?", runId);
        List<Object[]> attainments = new ArrayList<>();
        List<Object[]> indexes = new ArrayList<>();
        for (ScopeResult s : scopes) {
            for (MetricAttainment a : s.attainments()) {
                attainments.add(new Object[] {runId, s.scope().kind().name(), s.scope().departmentId(), a.metric(),
                        a.attainment().setScale(12, RoundingMode.HALF_EVEN), a.basis()});
            }
            indexes.add(new Object[] {runId, s.scope().kind().name(), s.scope().departmentId(),
                    s.cxIndex().value().setScale(12, RoundingMode.HALF_EVEN), s.cxIndex().basis()});
        }
        jdbc.batchUpdate("INSERT INTO metric_attainment (run_id, scope, department_id, metric, attainment, basis)"
                + " VALUES (?, ?, ?, ?, ?, ?)", attainments);
        jdbc.batchUpdate("INSERT INTO cx_index (run_id, scope, department_id, cx_index, basis) VALUES (?, ?, ?, ?, ?)", indexes);
    }

    /** Every attainment of the run, in no particular order; an attainment the rules did not give is absent. */
    public List<MetricAttainment> attainmentsOf(long runId) {
        return jdbc.query("SELECT scope, department_id, metric, attainment, basis FROM metric_attainment WHERE run_id = ?",
                (rs, i) -> new MetricAttainment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5)), runId);
    }

    /** One scope's attainments by metric code. */
    public Map<String, MetricAttainment> attainmentsOf(long runId, ScopeRef scope) {
        Map<String, MetricAttainment> byMetric = new HashMap<>();
        jdbc.query("SELECT metric, attainment, basis FROM metric_attainment WHERE run_id = ? AND scope = ? AND department_id = ?",
                rs -> {
                    byMetric.put(rs.getString(1), new MetricAttainment(scope.kind().name(), scope.departmentId(),
                            rs.getString(1), rs.getBigDecimal(2), rs.getString(3)));
                }, runId, scope.kind().name(), scope.departmentId());
        return byMetric;
    }

    /** Every scope's CX index of the run. */
    public Map<ScopeRef, CxIndex> cxIndexesOf(long runId) {
        Map<ScopeRef, CxIndex> cx = new HashMap<>();
        jdbc.query("SELECT scope, department_id, cx_index, basis FROM cx_index WHERE run_id = ?", rs -> {
            cx.put(new ScopeRef(ScopeKind.valueOf(rs.getString(1)), rs.getString(2)),
                    new CxIndex(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)));
        }, runId);
        return cx;
    }

    /** One scope's CX index; empty when the run stored none for it. */
    public Optional<CxIndex> cxIndexOf(long runId, ScopeRef scope) {
        return jdbc.query("SELECT cx_index, basis FROM cx_index WHERE run_id = ? AND scope = ? AND department_id = ?",
                (rs, i) -> new CxIndex(scope.kind().name(), scope.departmentId(), rs.getBigDecimal(1), rs.getString(2)),
                runId, scope.kind().name(), scope.departmentId()).stream().findFirst();
    }
}
