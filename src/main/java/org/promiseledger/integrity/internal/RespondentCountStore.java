package org.promiseledger.integrity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The respondent counts counted during aggregation's read of the run's rows (integrity_respondent_count), kept for
 * the integrity step; integrity_respondent_counted marks a run as counted, even one with nothing to count.
 */
@Repository
class RespondentCountStore {

    private static final String CONTACTS = "contacts";
    private static final String REPEATS = "repeats";

    private final JdbcTemplate jdbc;

    RespondentCountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's counts: a restarted aggregation keeps exactly what an uninterrupted one would have. */
    void replace(long runId, IntegrityCounts.RespondentCounts counts) {
        jdbc.update("DELETE FROM integrity_respondent_count WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM integrity_respondent_counted WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        counts.contacts().forEach((touchpoint, n) -> rows.add(new Object[] {runId, touchpoint, CONTACTS, n[0], n[1], n[2], n[3]}));
        counts.repeats().forEach((touchpoint, n) -> rows.add(new Object[] {runId, touchpoint, REPEATS, n[0], n[1], n[2], 0L}));
        jdbc.batchUpdate("INSERT INTO integrity_respondent_count (run_id, touchpoint_id, tally, n0, n1, n2, n3)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("INSERT INTO integrity_respondent_counted (run_id) VALUES (?)", runId);
    }

    /** The run's kept counts, empty when aggregation did not count them here (a remote run, an older run). */
    Optional<IntegrityCounts.RespondentCounts> of(long runId) {
        Integer counted = jdbc.queryForObject("SELECT COUNT(*) FROM integrity_respondent_counted WHERE run_id = ?",
                Integer.class, runId);
        if (counted == 0) {
            return Optional.empty();
        }
        Map<String, long[]> contacts = new HashMap<>();
        Map<String, long[]> repeats = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, tally, n0, n1, n2, n3 FROM integrity_respondent_count WHERE run_id = ?", rs -> {
            if (CONTACTS.equals(rs.getString(2))) {
                contacts.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
            } else {
                repeats.put(rs.getString(1), new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }, runId);
        return Optional.of(new IntegrityCounts.RespondentCounts(contacts, repeats));
    }
}
