package org.promiseledger.integrity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.promiseledger.ingest.StagedSurveys;
import org.promiseledger.ingest.StagedWorkforce;
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

    private final JdbcTemplate jdbc;
    private final StagedWorkforce staged;
    private final StagedSurveys surveys;
    private final RunRegistry runs;

    IntegrityCounts(JdbcTemplate jdbc, StagedWorkforce staged, StagedSurveys surveys, RunRegistry runs) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.surveys = surveys;
        this.runs = runs;
    }

    /** The run's touchpoints and their owner departments, in touchpoint id order (code points). */
    Map<String, String> owners(long runId) {
        Map<String, String> owners = new TreeMap<>(CodePoints.ORDER);
        owners.putAll(staged.touchpointOwners(runId));
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
        return surveys.answerCounts(runId, lastDaysStart(period, zone));
    }

    /** Per touchpoint: {NPS answers, NPS answers equal to 10}. */
    Map<String, long[]> topBox(long runId) {
        return surveys.topBoxCounts(runId);
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
        for (Period p : runs.periods()) {
            if (p.compareTo(period) >= 0) {
                continue;
            }
            Optional<QuarterlyRunRecord> run = runs.latestCalculated(p);
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
