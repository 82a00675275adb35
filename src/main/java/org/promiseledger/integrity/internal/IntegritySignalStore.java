package org.promiseledger.integrity.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.promiseledger.integrity.Finding;
import org.promiseledger.integrity.Signal;
import org.promiseledger.kernel.CodePoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The signals each run found, stored with the run. */
@Repository
public class IntegritySignalStore {

    /** Export order: touchpoint id (code points), then signal code alphabetically, as metrics sort by metric code. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::touchpointId, CodePoints.ORDER)
            .thenComparing(f -> f.signal().name());

    private final JdbcTemplate jdbc;

    IntegritySignalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's signals: a restarted step writes exactly what an uninterrupted one would have. */
    public void replace(long runId, String period, List<Finding> findings) {
        jdbc.update("DELETE FROM integrity_signal WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        for (Finding f : findings.stream().sorted(ORDER).toList()) {
            rows.add(new Object[] {runId, period, f.touchpointId(), f.departmentId(), f.signal().name(),
                    f.statistic().setScale(10, java.math.RoundingMode.HALF_EVEN), f.pValue(), f.sampleSize(), f.hits(),
                    f.referenceSize(), f.referenceHits(), f.referencePeriod(), f.detail()});
        }
        jdbc.batchUpdate("INSERT INTO integrity_signal (run_id, period, touchpoint_id, department_id, signal_code, statistic,"
                + " p_value, sample_size, hits, reference_size, reference_hits, reference_period, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** The run's signals by touchpoint id (code points), then signal code. */
    public List<Finding> signalsOf(long runId) {
        return jdbc.query("SELECT touchpoint_id, department_id, signal_code, statistic, p_value, sample_size, hits,"
                + " reference_size, reference_hits, reference_period, detail FROM integrity_signal WHERE run_id = ?",
                (rs, i) -> map(rs), runId).stream().sorted(ORDER).toList();
    }

    private static Finding map(ResultSet rs) throws SQLException {
        BigDecimal p = rs.getBigDecimal(5);
        return new Finding(rs.getString(1), rs.getString(2), Signal.valueOf(rs.getString(3)), rs.getBigDecimal(4), p,
                rs.getLong(6), rs.getLong(7), nullableLong(rs, 8), nullableLong(rs, 9), rs.getString(10), rs.getString(11));
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
