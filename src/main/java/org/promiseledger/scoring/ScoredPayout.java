package org.promiseledger.scoring;


import java.math.BigDecimal;
import java.util.List;

/**
 * One employee's scored payout, with its components and the rules that decided it, before any pool proration. An
 * employee paid on one whole-quarter segment has no segments here (their lines are the components, as always); an
 * employee with mid-quarter changes has one {@link ScoredSegment} per segment, in date order, and no lines of
 * their own: the employee is the latest segment's role and department with the summed target bonus.
 */
public record ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
        List<ScoreLine> lines, List<RuleTrail.Entry> trail, List<ScoredSegment> segments) {

    public ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
            List<ScoreLine> lines, List<RuleTrail.Entry> trail) {
        this(employee, score, amount, capped, gated, lines, trail, List.of());
    }

    public boolean segmented() {
        return !segments.isEmpty();
    }
}
