package org.promiseledger.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The metric_count table: every scope's {@link Counter}s as the run aggregated them, and the per-channel CSAT counts
 * behind CONSISTENCY. Pages read figures that are not stored metrics (the NPS interval, passives) from here, so
 * nothing recounts the survey rows.
 */
@Repository
public class MetricCountStore {

    /** The channel of a scope's total counts (per-channel rows name their channel). */
    private static final String TOTAL = "";

    private final JdbcTemplate jdbc;

    MetricCountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the run's counts; counters that are 0 are not stored (read back as 0). */
    void replace(long runId, Map<ScopeRef, ScopeCounts> counts) {
        jdbc.update("DELETE FROM metric_count WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((scope, c) -> {
            for (Counter counter : Counter.values()) {
                if (c.get(counter) != 0) {
                    rows.add(new Object[] {runId, scope.kind().name(), scope.departmentId(), counter.name(), TOTAL, c.get(counter)});
                }
            }
            c.channelCsat().forEach((channel, answersAndSatisfied) -> {
                rows.add(new Object[] {runId, scope.kind().name(), scope.departmentId(), Counter.CSAT_ANSWERS.name(), channel,
                        answersAndSatisfied[0]});
                rows.add(new Object[] {runId, scope.kind().name(), scope.departmentId(), Counter.SATISFIED.name(), channel,
                        answersAndSatisfied[1]});
            });
        });
        jdbc.batchUpdate("INSERT INTO metric_count (run_id, scope, department_id, counter_code, channel, counted)"
                + " VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /** A scope's counts as the run stored them; all 0 for a scope the run did not count (or a run older than the table). */
    public ScopeCounts countsOf(long runId, ScopeRef scope) {
        ScopeCounts counts = new ScopeCounts();
        jdbc.query("SELECT counter_code, channel, counted FROM metric_count WHERE run_id = ? AND scope = ? AND department_id = ?",
                rs -> {
                    Counter counter = Counter.valueOf(rs.getString(1));
                    String channel = rs.getString(2);
                    if (channel == null || channel.isEmpty()) {
                        counts.set(counter, rs.getLong(3));
                    } else if (counter == Counter.CSAT_ANSWERS) {
                        counts.addChannel(channel, rs.getLong(3), 0);
                    } else if (counter == Counter.SATISFIED) {
                        counts.addChannel(channel, 0, rs.getLong(3));
                    }
                }, runId, scope.kind().name(), scope.departmentId());
        return counts;
    }

    /** The scope's 90 % NPS interval from its stored promoters, detractors and answers; empty when nobody gave an nps. */
    public Optional<NpsInterval> npsIntervalOf(long runId, ScopeRef scope) {
        return npsInterval(countsOf(runId, scope));
    }

    /** The interval of a scope's counts; empty without answers with an nps. */
    public static Optional<NpsInterval> npsInterval(ScopeCounts counts) {
        long answers = counts.get(Counter.NPS_ANSWERS);
        return answers == 0 ? Optional.empty()
                : Optional.of(NpsInterval.of(counts.get(Counter.PROMOTERS), counts.get(Counter.DETRACTORS), answers));
    }
}
