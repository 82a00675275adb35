package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.util.List;

/** One employee's scored payout, with its components and the rules that decided it, before any pool proration. */
public record ScoredPayout(Employee employee, BigDecimal score, BigDecimal amount, boolean capped, boolean gated,
        List<ScoreLine> lines, List<RuleTrail.Entry> trail) {
}
