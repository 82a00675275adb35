package org.promiseledger.runs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One calculation of a period, with its current state.
 *
 * @param poolBudget the pool budget its payouts were booked under (empty: none), or null when not known (not booked
 *                   yet, or booked before budgets were recorded)
 */
public record QuarterlyRunRecord(long runId, String period, String launchedBy, Instant launchedAt, String dataDir,
        String rulesDir, String inputFingerprint, String ruleSetVersion, Long supersedesRunId, RunState state,
        Optional<BigDecimal> poolBudget) {

    public QuarterlyRunRecord(long runId, String period, String launchedBy, Instant launchedAt, String dataDir,
            String rulesDir, String inputFingerprint, String ruleSetVersion, Long supersedesRunId, RunState state) {
        this(runId, period, launchedBy, launchedAt, dataDir, rulesDir, inputFingerprint, ruleSetVersion, supersedesRunId, state,
                null);
    }
}
