package org.promiseledger.runs.partition.internal;

import org.promiseledger.period.Period;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.scoring.ScoringInput;
import org.promiseledger.scoring.ScoringInputStore;
import org.springframework.stereotype.Component;

/**
 * The scoring input a worker loaded last, with the job execution it belongs to: a worker usually scores several ranges
 * of one run, and each range is a step execution of its own. Scoring input is stored by the aggregation step, which has
 * completed before any range is handed out and is not redone within the same job execution; so one load serves every
 * range of that execution.
 */
@Component
class LastScoringInput {

    private record Loaded(long runId, long jobExecutionId, ScoringInput input) {
    }

    private final ScoringInputStore inputs;
    private final RunRegistry registry;
    private volatile Loaded last;

    LastScoringInput(ScoringInputStore inputs, RunRegistry registry) {
        this.inputs = inputs;
        this.registry = registry;
    }

    ScoringInput of(long runId, long jobExecutionId) {
        Loaded loaded = last;
        if (loaded == null || loaded.runId() != runId || loaded.jobExecutionId() != jobExecutionId) {
            loaded = new Loaded(runId, jobExecutionId, inputs.load(runId, Period.parse(registry.find(runId).orElseThrow().period())));
            last = loaded;
        }
        return loaded.input();
    }
}
