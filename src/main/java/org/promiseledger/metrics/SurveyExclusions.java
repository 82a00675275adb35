package org.promiseledger.metrics;

import java.util.Set;

/**
 * The touchpoints whose survey answers a run leaves out of every metric, because a score-integrity review EXCLUDED
 * them before the run (docs/score-integrity.md). Score integrity owns those reviews and implements this; metrics
 * only asks, so the two features do not depend on each other in a loop.
 */
public interface SurveyExclusions {

    /** @return touchpoint ids, empty when the run leaves nothing out */
    Set<String> excludedTouchpoints(long runId);
}
