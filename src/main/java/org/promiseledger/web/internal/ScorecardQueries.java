package org.promiseledger.web.internal;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Queries people raise on a line of their scorecard, and HR's answers: append-only rows of scorecard_query (an answer
 * is a new row in reply to its query), so the conversation is kept as it happened.
 */
@Repository
class ScorecardQueries {

    static final int MAX_BODY = 2000;

    /** A query with the answers given so far, oldest first. */
    record Query(long id, String period, String employeeId, long runId, String lineRef, String lineLabel, String body,
            String writtenBy, Instant writtenAt, List<Answer> answers) {

        public boolean answered() {
            return !answers.isEmpty();
        }
    }

    record Answer(long id, String body, String writtenBy, Instant writtenAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ScorecardQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long raise(String period, String employeeId, long runId, String lineRef, String lineLabel, String body, String by) {
        return insert("QUERY", null, period, employeeId, runId, lineRef, lineLabel, body, by);
    }

    long answer(Query query, String body, String by) {
        return insert("ANSWER", query.id(), query.period(), query.employeeId(), query.runId(), query.lineRef(),
                query.lineLabel(), body, by);
    }

    Optional<Query> find(long id) {
        return select(" AND q.id = ?", id).stream().findFirst();
    }

    List<Query> of(String employeeId, String period) {
        return select(" AND q.employee_id = ? AND q.period = ?", employeeId, period);
    }

    List<Query> ofEmployee(String employeeId) {
        return select(" AND q.employee_id = ?", employeeId);
    }

    List<Query> all() {
        return select("");
    }

    private long insert(String kind, Long inReplyTo, String period, String employeeId, long runId, String lineRef,
            String lineLabel, String body, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO scorecard_query (kind, in_reply_to, period,"
                    + " employee_id, run_id, line_ref, line_label, body, written_by, written_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, kind);
            ps.setObject(2, inReplyTo);
            ps.setString(3, period);
            ps.setString(4, employeeId);
            ps.setLong(5, runId);
            ps.setString(6, lineRef);
            ps.setString(7, lineLabel.length() > 255 ? lineLabel.substring(0, 252) + "..." : lineLabel);
            ps.setString(8, body);
            ps.setString(9, by);
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            return ps;
        }, keys);
        return keys.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
    }

    /** Queries matching the filter (newest first) with all their answers. */
    private List<Query> select(String filter, Object... args) {
        Map<Long, Query> queries = new LinkedHashMap<>();
        jdbc.query("SELECT q.id, q.period, q.employee_id, q.run_id, q.line_ref, q.line_label, q.body, q.written_by,"
                + " q.written_at FROM scorecard_query q WHERE q.kind = 'QUERY'" + filter + " ORDER BY q.id DESC", rs -> {
                    queries.put(rs.getLong(1), new Query(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), new ArrayList<>()));
                }, args);
        if (!queries.isEmpty()) {
            String ids = String.join(",", queries.keySet().stream().map(String::valueOf).toList());
            jdbc.query("SELECT id, in_reply_to, body, written_by, written_at FROM scorecard_query WHERE kind = 'ANSWER'"
                    + " AND in_reply_to IN (" + ids + ") ORDER BY id", rs -> {
                        queries.get(rs.getLong(2)).answers().add(new Answer(rs.getLong(1), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    });
        }
        return queries.values().stream().map(q -> new Query(q.id(), q.period(), q.employeeId(), q.runId(), q.lineRef(),
                q.lineLabel(), q.body(), q.writtenBy(), q.writtenAt(), List.copyOf(q.answers()))).toList();
    }
}
