package org.promiseledger.scoring;


import java.math.BigDecimal;
import java.util.List;

/**
 * What the plan decided for one segment: its fact (department, role, salary and its target bonus, pro rata to its
 * days), its score and its exact amount — min(target bonus × score, cap × target bonus), 0 when the customer gate
 * closed for a gated segment; its decisions are the segment fact's own ({@link PlanDecision}). Only the employee's sum of segment amounts is rounded.
 */
public record ScoredSegment(Segment segment, Employee employee, BigDecimal score, BigDecimal amount, boolean capped,
        boolean gated, List<ScoreLine> lines, List<RuleTrail.Entry> trail, List<PlanDecision> decisions) {

    public ScoredSegment {
        decisions = decisions == null ? List.of() : decisions;
    }

    public ScoredSegment(Segment segment, Employee employee, BigDecimal score, BigDecimal amount, boolean capped,
            boolean gated, List<ScoreLine> lines, List<RuleTrail.Entry> trail) {
        this(segment, employee, score, amount, capped, gated, lines, trail, List.of());
    }
}
