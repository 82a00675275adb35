package org.promiseledger.web.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The view log (README, "Logins, users and who looked at whose pay"): every time a page shows someone else's pay — their
 * scorecard, their PDF statement, a quarter on their trend chart — who looked, at whom, for which quarter, when.
 * Append-only. Looking at one's own pay is not logged: it is nobody's business.
 */
@Repository
public class PayViews {

    public enum What { SCORECARD, STATEMENT, CHART_POINT }

    public record View(long id, Instant at, String viewer, String viewerEmployeeId, String subjectEmployeeId, String period,
            What what) {
    }

    /** Filters of the auditors' page; null or blank means any. */
    public record Filter(String viewer, String subject, String period) {
    }

    public static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PayViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String viewer, String viewerEmployeeId, String subjectEmployeeId, String period, What what) {
        if (subjectEmployeeId.equals(viewerEmployeeId)) {
            return;
        }
        jdbc.update("INSERT INTO pay_view (viewed_at, viewer, viewer_employee_id, subject_employee_id, period, what)"
                + " VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), viewer, viewerEmployeeId, subjectEmployeeId,
                period, what.name());
    }

    /** Newest first, at most {@link #PAGE}. */
    public List<View> find(Filter filter) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.viewer() != null && !filter.viewer().isBlank()) {
            where.append(" AND viewer = ?");
            args.add(filter.viewer().trim());
        }
        if (filter.subject() != null && !filter.subject().isBlank()) {
            where.append(" AND subject_employee_id = ?");
            args.add(filter.subject().trim());
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            where.append(" AND period = ?");
            args.add(filter.period().trim());
        }
        return jdbc.query("SELECT id, viewed_at, viewer, viewer_employee_id, subject_employee_id, period, what FROM pay_view"
                + where + " ORDER BY id DESC LIMIT " + PAGE, (rs, i) -> new View(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), What.valueOf(rs.getString(7))), args.toArray());
    }

    /** Who looked at this person's pay, newest first. */
    public List<View> of(String subjectEmployeeId) {
        return find(new Filter(null, subjectEmployeeId, null));
    }
}
