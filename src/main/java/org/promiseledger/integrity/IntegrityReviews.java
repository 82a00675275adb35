package org.promiseledger.integrity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.promiseledger.integrity.internal.IntegritySignalStore;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.metrics.SurveyExclusions;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.ApprovalGate;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review of integrity signals, four eyes: someone other than the run's launcher marks each signal CLEARED or EXCLUDED
 * with a reason. Reviews are appended (the latest for a period, touchpoint and signal stands) and audited. A review
 * holds for the period: a later run of the period showing the same signal at the same touchpoint carries it.
 * Approval waits until every signal of the run is reviewed and every exclusion is applied by a new run.
 */
@Service
public class IntegrityReviews implements ApprovalGate, SurveyExclusions {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final IntegritySignalStore signals;
    private final AuditLog audit;
    private final Clock clock;

    IntegrityReviews(JdbcTemplate jdbc, RunRegistry runs, IntegritySignalStore signals, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.signals = signals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ActionOutcome review(Period period, String touchpointId, Signal signal, Decision decision, String reason,
            String user) {
        Optional<QuarterlyRunRecord> latest = runs.latest(period);
        if (latest.isEmpty()) {
            return refuse(period, null, user, "no run of " + period + " to review");
        }
        QuarterlyRunRecord run = latest.get();
        if (run.state() != RunState.CALCULATED) {
            return refuse(period, run.runId(), user, "run " + run.runId() + " of " + period + " is " + run.state()
                    + ": only a calculated run's signals can be reviewed");
        }
        if (reason == null || reason.isBlank()) {
            return refuse(period, run.runId(), user, "a review needs a reason (--reason)");
        }
        if (signals.signalsOf(run.runId()).stream()
                .noneMatch(f -> f.touchpointId().equals(touchpointId) && f.signal() == signal)) {
            return refuse(period, run.runId(), user, "run " + run.runId() + " of " + period + " has no " + signal
                    + " signal at touchpoint " + touchpointId + " (see `export integrity --period " + period + "`)");
        }
        if (run.launchedBy().equals(user)) {
            return refuse(period, run.runId(), user, "four eyes: " + user + " launched run " + run.runId()
                    + " and cannot review its signals; another person must");
        }
        String trimmed = reason.strip();
        trimmed = trimmed.length() <= 1000 ? trimmed : trimmed.substring(0, 997) + "...";
        jdbc.update("INSERT INTO integrity_review (period, run_id, touchpoint_id, signal_code, decision, reason, reviewed_by,"
                + " reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", period.toString(), run.runId(), touchpointId, signal.name(),
                decision.name(), trimmed, user, Timestamp.from(clock.instant()));
        audit.record(user, "INTEGRITY_REVIEW", period.toString(), run.runId(),
                decision + " " + signal + " at " + touchpointId + ": " + trimmed);
        String next = decision == Decision.CLEARED
                ? " The touchpoint's surveys stand."
                : " The next run of " + period + " leaves out the surveys of " + touchpointId
                        + ": run the period again before approving.";
        return ActionOutcome.done(signal + " at " + touchpointId + " in " + period + " (run " + run.runId() + ") marked "
                + decision + " by " + user + "." + next);
    }

    /** The run's signals, each with the review that stands for it (if any). */
    public List<ReviewedSignal> reviewedSignalsOf(QuarterlyRunRecord run) {
        Map<String, Review> latest = latestReviews(run.period());
        Set<String> excluded = excludedTouchpoints(run.runId());
        return signals.signalsOf(run.runId()).stream()
                .map(f -> new ReviewedSignal(f, latest.get(key(f.touchpointId(), f.signal())),
                        excluded.contains(f.touchpointId())))
                .toList();
    }

    /** Every review of the period, in the order they were made. */
    public List<Review> reviewsOf(String period) {
        return jdbc.query("SELECT id, period, run_id, touchpoint_id, signal_code, decision, reason, reviewed_by, reviewed_at"
                + " FROM integrity_review WHERE period = ? ORDER BY id", (rs, i) -> new Review(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), Signal.valueOf(rs.getString(5)), Decision.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()), period);
    }

    /** The touchpoints whose surveys the run leaves out of its metrics. */
    @Override
    public Set<String> excludedTouchpoints(long runId) {
        return new HashSet<>(jdbc.queryForList("SELECT touchpoint_id FROM integrity_exclusion WHERE run_id = ?", String.class,
                runId));
    }

    /** The exclusions the run applies, with the review behind each, in touchpoint order. */
    public List<Review> exclusionsOf(QuarterlyRunRecord run) {
        Map<Long, Review> byId = reviewsOf(run.period()).stream().collect(Collectors.toMap(Review::id, r -> r));
        return jdbc.query("SELECT review_id FROM integrity_exclusion WHERE run_id = ?", (rs, i) -> byId.get(rs.getLong(1)),
                run.runId()).stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(Review::touchpointId, org.promiseledger.kernel.CodePoints.ORDER))
                .toList();
    }

    @Override
    public Optional<String> refusal(QuarterlyRunRecord run) {
        List<ReviewedSignal> reviewed = reviewedSignalsOf(run);
        List<String> open = reviewed.stream().filter(ReviewedSignal::open)
                .map(r -> r.finding().touchpointId() + " " + r.finding().signal()).toList();
        if (!open.isEmpty()) {
            return Optional.of(open.size() + " integrity signal" + (open.size() == 1 ? " is" : "s are") + " open in run "
                    + run.runId() + " (" + String.join(", ", open) + "): a reviewer other than " + run.launchedBy()
                    + " marks each with `integrity review --period " + run.period()
                    + " --touchpoint T --signal S --decision CLEARED|EXCLUDED --reason ...`");
        }
        // The run must apply exactly the exclusions that stand now: an EXCLUDED review made after it was calculated, or
        // one overturned since, means its metrics are not the ones the reviewers decided on.
        Set<String> standing = standingExclusions(run.period());
        Set<String> applied = excludedTouchpoints(run.runId());
        if (!standing.equals(applied)) {
            Set<String> toExclude = new java.util.TreeSet<>(org.promiseledger.kernel.CodePoints.ORDER);
            toExclude.addAll(standing);
            toExclude.removeAll(applied);
            Set<String> toRestore = new java.util.TreeSet<>(org.promiseledger.kernel.CodePoints.ORDER);
            toRestore.addAll(applied);
            toRestore.removeAll(standing);
            String change = (toExclude.isEmpty() ? "" : "the surveys of " + String.join(", ", toExclude) + " were EXCLUDED")
                    + (toExclude.isEmpty() || toRestore.isEmpty() ? "" : " and ")
                    + (toRestore.isEmpty() ? "" : "the exclusion of " + String.join(", ", toRestore) + " no longer stands");
            return Optional.of(change + " since run " + run.runId() + " was calculated: run " + run.period()
                    + " again so that its metrics follow the reviews, then approve");
        }
        return Optional.empty();
    }

    /** The touchpoints of the period whose surveys a standing review EXCLUDED. */
    Set<String> standingExclusions(String period) {
        return latestReviews(period).values().stream().filter(r -> r.decision() == Decision.EXCLUDED)
                .map(Review::touchpointId).collect(Collectors.toSet());
    }

    /** The review standing for each (touchpoint, signal) of the period: the latest. */
    public Map<String, Review> latestReviews(String period) {
        Map<String, Review> latest = new HashMap<>();
        reviewsOf(period).forEach(r -> latest.put(key(r.touchpointId(), r.signal()), r));
        return latest;
    }

    private static String key(String touchpointId, Signal signal) {
        return signal.name() + "\u0000" + touchpointId;
    }

    private ActionOutcome refuse(Period period, Long runId, String user, String why) {
        audit.record(user, "INTEGRITY_REVIEW_REFUSED", period.toString(), runId, why);
        return ActionOutcome.refused(why);
    }
}
