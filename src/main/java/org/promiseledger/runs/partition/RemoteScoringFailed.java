package org.promiseledger.runs.partition;

/** A remote run could not get every partition counted or scored by its workers; running again restarts it (exit 1). */
public class RemoteScoringFailed extends RuntimeException {

    public RemoteScoringFailed(String message) {
        super(message);
    }
}
