package org.promiseledger.runs;

import java.util.List;

/**
 * How a launch of the quarterly job ended, as the command line reports it.
 *
 * @param exitCode 0 calculated, 1 the run failed (restartable), 2 refused (bad input, bad rules, bad usage)
 */
public record RunOutcome(int exitCode, Long runId, boolean restarted, List<String> messages) {

    public static RunOutcome refused(Long runId, List<String> messages) {
        return new RunOutcome(2, runId, false, messages);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
