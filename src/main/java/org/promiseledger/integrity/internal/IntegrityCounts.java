package org.promiseledger.integrity.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the signals are counted from, grouped per touchpoint by the database (plain GROUP BY, the same SQL on H2 and
 * MySQL/MariaDB), from the run's accepted (staged) rows only.
 */
@Component
class IntegrityCounts {

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
    private final RunRegistry runs;

    IntegrityCounts(JdbcTemplate jdbc, RunRegistry runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** The run's touchpoints and their owner departments, in touchpoint id order (code points). */
    Map<String, String> owners(long runId) {
        Map<String, String> owners = new TreeMap<>(CodePoints.ORDER);
        jdbc.query("SELECT touchpoint_id, owner_department_id FROM in_touchpoint WHERE run_id = ?",
                rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                }, runId);
        return owners;
    }

    /**
     * Fills the run's (touchpoint, customer, answers) table in one INSERT ... SELECT ... GROUP BY, replacing whatever an
     * interrupted attempt left. Its primary key is what the contacts are joined on for SELECTIVE_SURVEYING.
     */
    void collectRespondents(long runId) {
        jdbc.update("DELETE FROM integrity_respondent WHERE run_id = ?", runId);
        jdbc.update("""
                INSERT INTO integrity_respondent (run_id, touchpoint_id, customer_id, answers)
                SELECT run_id, touchpoint_id, customer_id, COUNT(*) FROM in_survey WHERE run_id = ?
                GROUP BY run_id, touchpoint_id, customer_id""", runId);
    }

    /** Per touchpoint: {NPS answers, NPS answers equal to 10, answers, answers in the last 14 days of the quarter}. */
    Map<String, long[]> surveys(long runId, Period period, ZoneId zone) {
        List<String> offsets = jdbc.queryForList("SELECT DISTINCT " + OFFSET_OF_RESPONDED_AT + " FROM in_survey WHERE run_id = ?",
                String.class, runId);
        Instant cutoff = lastDaysStart(period, zone);
        // A row is late when its instant is at or after the cutoff. Each row keeps the offset it was written with, so
        // the cutoff is written in each offset present and compared with the row's local time to the minute (the
        // cutoff is a whole minute in every offset, and ISO text to the minute sorts as time does).
        StringBuilder late = new StringBuilder("CASE ").append(OFFSET_OF_RESPONDED_AT);
        List<Object> args = new ArrayList<>();
        for (String offset : offsets) {
            late.append(" WHEN ? THEN CASE WHEN SUBSTRING(responded_at, 1, 16) >= ? THEN 1 ELSE 0 END");
            args.add(offset);
            args.add(LocalDateTime.ofInstant(cutoff, ZoneOffset.of(offset)).format(TO_THE_MINUTE));
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
    Map<String, long[]> topBox(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(nps), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END) FROM in_survey"
                + " WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runId);
        return counts;
    }

    /**
     * Per touchpoint: {contacts, resolved first time, contacts by customers who answered a survey there in the quarter,
     * resolved among those}. Needs {@link #collectRespondents} first.
     */
    Map<String, long[]> contacts(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("""
                SELECT c.touchpoint_id, COUNT(*), SUM(CASE WHEN c.first_contact_resolved THEN 1 ELSE 0 END),
                       SUM(CASE WHEN r.customer_id IS NOT NULL THEN 1 ELSE 0 END),
                       SUM(CASE WHEN r.customer_id IS NOT NULL AND c.first_contact_resolved THEN 1 ELSE 0 END)
                FROM in_contact c
                LEFT JOIN integrity_respondent r
                       ON r.run_id = c.run_id AND r.touchpoint_id = c.touchpoint_id AND r.customer_id = c.customer_id
                WHERE c.run_id = ? GROUP BY c.touchpoint_id""", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }, runId);
        return counts;
    }

    /** Per touchpoint: {answers, answers of customers with four or more, how many such customers}. */
    Map<String, long[]> repeats(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, SUM(answers), SUM(CASE WHEN answers >= " + SignalRules.REPEAT_ANSWERS
                + " THEN answers ELSE 0 END), SUM(CASE WHEN answers >= " + SignalRules.REPEAT_ANSWERS
                + " THEN 1 ELSE 0 END) FROM integrity_respondent WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }, runId);
        return counts;
    }

    /**
     * The run TOP_BOX_SURGE compares with: the latest calculated run (calculated, approved or exported, not superseded)
     * of the nearest earlier quarter that has one.
     */
    Optional<QuarterlyRunRecord> previousCalculated(Period period) {
        List<String> earlier = jdbc.queryForList("SELECT DISTINCT period FROM quarterly_run WHERE period < ? ORDER BY period DESC",
                String.class, period.toString());
        for (String p : earlier) {
            Optional<QuarterlyRunRecord> run = runs.latestCalculated(Period.parse(p));
            if (run.isPresent()) {
                return run;
            }
        }
        return Optional.empty();
    }

    /** The start of the quarter's last 14 days in the company zone: [end − 14 days, end). */
    static Instant lastDaysStart(Period period, ZoneId zone) {
        return period.next().firstDay().minusDays(SignalRules.LAST_DAYS).atStartOfDay(zone).toInstant();
    }

    static int daysIn(Period period) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(period.firstDay(), period.next().firstDay());
    }
}
