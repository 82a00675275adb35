package org.promiseledger.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who did what and when: every run, approval, adjustment, export and rules change seen. Append-only. */
@Repository
public class AuditLog {

    /** One action as recorded. */
    public record Entry(long id, Instant at, String actor, String action, String period, Long runId, String details) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String period, Long runId, String details) {
        String trimmed = details == null || details.length() <= 2000 ? details : details.substring(0, 1997) + "...";
        jdbc.update("INSERT INTO audit_log (at, actor, action, period, run_id, details) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), actor, action, period, runId, trimmed);
    }

    /** Entries in the order they happened; of one period, or all when period is null. */
    public List<Entry> entries(String period) {
        String where = period == null ? "" : " WHERE period = ?";
        Object[] args = period == null ? new Object[0] : new Object[] {period};
        return jdbc.query("SELECT id, at, actor, action, period, run_id, details FROM audit_log" + where + " ORDER BY id",
                (rs, i) -> {
                    long runId = rs.getLong(6);
                    Long run = rs.wasNull() ? null : runId;
                    return new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getString(5), run, rs.getString(7));
                }, args);
    }
}
