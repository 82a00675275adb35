package org.promiseledger.scoring;

import java.util.List;

/** The outcome of scoring a period: every scope and every employee, in code-point order. */
public record ScoringResult(List<ScopeResult> scopes, List<ScoredPayout> payouts) {
}
