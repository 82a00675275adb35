package org.promiseledger.scoring;

import java.util.List;

/**
 * The outcome of scoring a period, or a partition of it: every scope and every employee's payout, in code-point
 * order, plus the segments of employees with mid-quarter changes that are still to be added up (empty once
 * {@link PlanScorer#withSegmentsCombined} has made them payouts).
 */
public record ScoringResult(List<ScopeResult> scopes, List<ScoredPayout> payouts, List<ScoredSegment> segments) {

    public ScoringResult {
        segments = segments == null ? List.of() : segments;
    }

    public ScoringResult(List<ScopeResult> scopes, List<ScoredPayout> payouts) {
        this(scopes, payouts, List.of());
    }
}
