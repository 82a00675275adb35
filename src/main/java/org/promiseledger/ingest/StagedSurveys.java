package org.promiseledger.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts of a run's accepted survey answers (in_survey) per touchpoint, grouped by the database (plain GROUP BY, the
 * same SQL on H2 and MySQL/MariaDB), for the features that judge them (integrity's signals).
 */
@Repository
public class StagedSurveys {

    /**
     * The offset a staged timestamp was written with: it is stored as {@code OffsetDateTime.toString()}, which ends in
     * {@code Z} or {@code ±HH:MM} (or {@code ±HH:MM:SS} for the historical offsets with seconds).
     */
    private static final String OFFSET_OF_RESPONDED_AT = """
            CASE WHEN RIGHT(responded_at, 1) = 'Z' THEN 'Z'
                 WHEN SUBSTRING(responded_at, CHAR_LENGTH(responded_at) - 5, 1) IN ('+', '-') THEN RIGHT(responded_at, 6)
                 ELSE RIGHT(responded_at, 9) END""";
    private static final DateTimeFormatter TO_THE_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final JdbcTemplate jdbc;

    StagedSurveys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per touchpoint: {NPS answers, NPS answers equal to 10, answers, answers at or after {@code lateFrom}}.
     * {@code lateFrom} must be a whole minute in every offset the answers were written with.
     */
    public Map<String, long[]> answerCounts(long runId, Instant lateFrom) {
        List<String> offsets = jdbc.queryForList("SELECT DISTINCT " + OFFSET_OF_RESPONDED_AT + " FROM in_survey WHERE run_id = ?",
                String.class, runId);
        // A row is late when its instant is at or after the cutoff. Each row keeps the offset it was written with, so
        // the cutoff is written in each offset present and compared with the row's local time to the minute (the
        // cutoff is a whole minute in every offset, and ISO text to the minute sorts as time does).
        StringBuilder late = new StringBuilder("CASE ").append(OFFSET_OF_RESPONDED_AT);
        List<Object> args = new ArrayList<>();
        for (String offset : offsets) {
            late.append(" WHEN ? THEN CASE WHEN SUBSTRING(responded_at, 1, 16) >= ? THEN 1 ELSE 0 END");
            args.add(offset);
            args.add(LocalDateTime.ofInstant(lateFrom, ZoneOffset.of(offset)).format(TO_THE_MINUTE));
        }
        late.append(" ELSE 0 END");
        String lateExpression = offsets.isEmpty() ? "0" : late.toString();
        args.add(runId);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(nps), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END), COUNT(*), SUM(" + lateExpression
                + ") FROM in_survey WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }, args.toArray());
        return counts;
    }

    /** Per touchpoint: {NPS answers, NPS answers equal to 10}. */
    public Map<String, long[]> topBoxCounts(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(nps), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END) FROM in_survey"
                + " WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runId);
        return counts;
    }
}
