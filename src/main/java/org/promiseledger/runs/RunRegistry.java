package org.promiseledger.runs;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.promiseledger.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The runs of every period and their append-only state changes. */
@Repository
public class RunRegistry {

    private static final String SELECT_RUN = """
            SELECT r.run_id, r.period, r.launched_by, r.launched_at, r.data_dir, r.rules_dir, r.input_fingerprint,
                   r.rule_set_version, r.supersedes_run_id,
                   (SELECT s.state FROM run_state s WHERE s.run_id = r.run_id ORDER BY s.id DESC LIMIT 1) AS state
            FROM quarterly_run r""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(Period period, String launchedBy, String dataDir, String rulesDir, String fingerprint, String version,
            Long supersedes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO quarterly_run (period, launched_by, launched_at,"
                    + " data_dir, rules_dir, input_fingerprint, rule_set_version, supersedes_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, period.toString());
            ps.setString(2, launchedBy);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setString(4, dataDir);
            ps.setString(5, rulesDir);
            ps.setString(6, fingerprint);
            ps.setString(7, version);
            ps.setObject(8, supersedes);
            return ps;
        }, keys);
        long runId = keys.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
        appendState(runId, RunState.STARTED, null, launchedBy);
        return runId;
    }

    public void appendState(long runId, RunState state, String note, String by) {
        String trimmed = note == null || note.length() <= 1000 ? note : note.substring(0, 997) + "...";
        jdbc.update("INSERT INTO run_state (run_id, state, note, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                runId, state.name(), trimmed, by, Timestamp.from(clock.instant()));
    }

    public Optional<QuarterlyRunRecord> find(long runId) {
        return jdbc.query(SELECT_RUN + " WHERE r.run_id = ?", (rs, i) -> map(rs), runId).stream().findFirst();
    }

    /** The note of the run's latest state change (why it failed or was refused), if it has one. */
    public Optional<String> lastNote(long runId) {
        return jdbc.query("SELECT note FROM run_state WHERE run_id = ? ORDER BY id DESC LIMIT 1", (rs, i) -> rs.getString(1), runId)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** One change of a run's state, as appended. */
    public record StateChange(String state, String changedBy, java.time.Instant changedAt, String note) {
    }

    /** The run's state changes in the order they happened. */
    public List<StateChange> history(long runId) {
        return jdbc.query("SELECT state, changed_by, changed_at, note FROM run_state WHERE run_id = ? ORDER BY id",
                (rs, i) -> new StateChange(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), runId);
    }

    /** Every run, newest first. */
    public List<QuarterlyRunRecord> all() {
        return jdbc.query(SELECT_RUN + " ORDER BY r.run_id DESC", (rs, i) -> map(rs));
    }

    /** Every run of the period, newest first. */
    public List<QuarterlyRunRecord> runsOf(Period period) {
        return jdbc.query(SELECT_RUN + " WHERE r.period = ? ORDER BY r.run_id DESC", (rs, i) -> map(rs), period.toString());
    }

    /** The period's latest run: the newest one that is not superseded (whatever its state). */
    public Optional<QuarterlyRunRecord> latest(Period period) {
        return runsOf(period).stream().filter(r -> r.state() != RunState.SUPERSEDED).findFirst();
    }

    /** The newest run of the period whose payouts stand: calculated, approved or exported. */
    public Optional<QuarterlyRunRecord> latestCalculated(Period period) {
        return runsOf(period).stream()
                .filter(r -> r.state() == RunState.CALCULATED || r.state().isFrozen())
                .findFirst();
    }

    /** The rule-set version of the most recent run of any period, to notice when the plan changed. */
    public Optional<String> lastRuleSetVersion() {
        return jdbc.queryForList("SELECT rule_set_version FROM quarterly_run ORDER BY run_id DESC LIMIT 1", String.class)
                .stream().findFirst();
    }

    private static QuarterlyRunRecord map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long supersedes = rs.getLong(9);
        Long supersedesRunId = rs.wasNull() ? null : supersedes;
        return new QuarterlyRunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), supersedesRunId,
                RunState.valueOf(rs.getString(10)));
    }
}
