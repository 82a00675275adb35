package org.promiseledger.scoring;


import java.math.BigDecimal;
import java.util.List;

/**
 * One employee's scored payout, with its components and the rules that decided it, before any pool proration. An
 * employee paid on one whole-quarter segment has no segments here (their lines are the components, as always); an
 * employee with mid-quarter changes has one {@link ScoredSegment} per segment, in date order, and no lines of
 * their own: the employee is the latest segment's role and department with the summed target bonus. The decisions
 * are the whole-quarter employee's ({@link PlanDecision}); a segmented employee's are on each segment.
 */
public record ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
        List<ScoreLine> lines, List<RuleTrail.Entry> trail, List<ScoredSegment> segments, List<PlanDecision> decisions) {

    public ScoredPayout {
        decisions = decisions == null ? List.of() : decisions;
    }

    public ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
            List<ScoreLine> lines, List<RuleTrail.Entry> trail, List<ScoredSegment> segments) {
        this(employee, score, amount, capped, gated, lines, trail, segments, List.of());
    }

    public ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
            List<ScoreLine> lines, List<RuleTrail.Entry> trail) {
        this(employee, score, amount, capped, gated, lines, trail, List.of(), List.of());
    }

    public boolean segmented() {
        return !segments.isEmpty();
    }
}
