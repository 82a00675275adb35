package org.promiseledger.scoring;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the rules decided per scope (attainments and CX index), kept with the run for scorecards and summaries. */
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
}
