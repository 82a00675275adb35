package org.promiseledger.runs;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runs of every period and their append-only state changes: the only code that reads or writes quarterly_run and
 * run_state. Every state change is written with its audit entry, in one transaction ({@link #transition}).
 */
@Repository
public class RunRegistry {

    private static final String SELECT_RUN = """
            SELECT r.run_id, r.period, r.launched_by, r.launched_at, r.data_dir, r.rules_dir, r.input_fingerprint,
                   r.rule_set_version, r.supersedes_run_id,
                   (SELECT s.state FROM run_state s WHERE s.run_id = r.run_id ORDER BY s.id DESC LIMIT 1) AS state,
                   r.pool_budget, r.pool_budget_recorded
            FROM quarterly_run r""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;

    RunRegistry(JdbcTemplate jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * What the audit log says of a state change: its action (RUN_FAILED, APPROVE, ...) and details (free text, clipped
     * at 2000 characters).
     */
    public record AuditEntry(String action, String details) {
    }

    /**
     * Registers a new run of the period as STARTED, with the RUN_STARTED audit entry {@code details}, in one
     * transaction. Returns the new run id.
     */
    @Transactional
    long create(Period period, String launchedBy, String dataDir, String rulesDir, String fingerprint, String version,
            Long supersedes, String details) {
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
        transition(runId, period.toString(), RunState.STARTED, launchedBy, null, new AuditEntry("RUN_STARTED", details));
        return runId;
    }

    /** Records the pool budget the run's payouts are booked under (empty: none), in the booking's transaction. */
    void recordPoolBudget(long runId, Optional<java.math.BigDecimal> budget) {
        jdbc.update("UPDATE quarterly_run SET pool_budget = ?, pool_budget_recorded = ? WHERE run_id = ?", budget.orElse(null),
                true, runId);
    }

    /**
     * Moves the run to {@code to} and records the event in the audit log, in one transaction (the caller's, when it has
     * one: a booking step's state change commits or rolls back with its payouts).
     *
     * @param note  why, kept with the state (clipped at 1000 characters); may be null
     * @param entry the audit log's action and details for this change
     * @throws IllegalArgumentException when there is no such run
     */
    @Transactional
    public void transition(long runId, RunState to, String actor, String note, AuditEntry entry) {
        String period = jdbc.queryForList("SELECT period FROM quarterly_run WHERE run_id = ?", String.class, runId).stream()
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        transition(runId, period, to, actor, note, entry);
    }

    private void transition(long runId, String period, RunState to, String actor, String note, AuditEntry entry) {
        appendState(runId, to, note, actor);
        audit.record(actor, entry.action(), period, runId, entry.details());
    }

    private void appendState(long runId, RunState state, String note, String by) {
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

    /** Every run's state changes in the order they happened, by run id. */
    public java.util.Map<Long, List<StateChange>> histories() {
        java.util.Map<Long, List<StateChange>> histories = new java.util.HashMap<>();
        jdbc.query("SELECT run_id, state, changed_by, changed_at, note FROM run_state ORDER BY id", rs -> {
            histories.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new StateChange(rs.getString(2),
                    rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)));
        });
        return histories;
    }

    /** Every period that has a run, newest first. */
    public List<Period> periods() {
        return jdbc.queryForList("SELECT DISTINCT period FROM quarterly_run", String.class).stream().map(Period::parse)
                .sorted(java.util.Comparator.reverseOrder()).toList();
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
        java.math.BigDecimal budget = rs.getBigDecimal(11);
        boolean recorded = rs.getBoolean(12);
        return new QuarterlyRunRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), supersedesRunId,
                RunState.valueOf(rs.getString(10)), recorded ? Optional.ofNullable(budget) : null);
    }
}
