package org.promiseledger.ingest;

import java.nio.file.Path;
import java.util.Set;

/**
 * The metrics the plan in a rules folder weighs, so the input check can ask that the company has a target row for
 * each. Scoring answers it (it knows how to read a plan); ingest only asks, so ingest does not depend on scoring.
 */
public interface PlanWeights {

    /** Metric codes with a non-zero weight in some CX profile; throws the rules' compilation error when they do not compile. */
    Set<String> weightedMetrics(Path rulesDir);
}
