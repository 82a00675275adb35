package org.promiseledger.runs;

import java.time.Instant;

/** One calculation of a period, with its current state. */
public record QuarterlyRunRecord(long runId, String period, String launchedBy, Instant launchedAt, String dataDir,
        String rulesDir, String inputFingerprint, String ruleSetVersion, Long supersedesRunId, RunState state) {
}
