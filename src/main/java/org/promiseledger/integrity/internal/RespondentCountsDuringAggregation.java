package org.promiseledger.integrity.internal;

import org.promiseledger.metrics.CustomerPassListener;
import org.springframework.stereotype.Component;

/**
 * Counts the respondents while aggregation streams the run's answers and contacts for its distinct customers, and
 * keeps the counts with the run, so that the integrity step reads no staged row again.
 */
@Component
class RespondentCountsDuringAggregation implements CustomerPassListener {

    private final RespondentCountStore store;

    RespondentCountsDuringAggregation(RespondentCountStore store) {
        this.store = store;
    }

    @Override
    public Counting start(long runId) {
        RespondentTally[] tally = new RespondentTally[1];
        tally[0] = new RespondentTally(() -> store.replace(runId, tally[0].counts()));
        return tally[0];
    }
}
