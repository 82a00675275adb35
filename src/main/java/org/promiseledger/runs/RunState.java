package org.promiseledger.runs;

/** The states a run goes through, kept as an append-only list of changes; the current state is the latest. */
public enum RunState {
    /** The job is running, or its process died (then the period lock is free). */
    STARTED,
    /** Payouts are booked and await approval. */
    CALCULATED,
    /** A later calculation of the period replaced this one; it stays in the ledger, unchanged. */
    SUPERSEDED,
    /** The job failed (exit 1) and can be restarted where it stopped. */
    FAILED,
    /** Stopped for bad input or rules (exit 2); closed, the next run starts afresh. */
    REFUSED,
    /** A crashed run whose inputs or rules changed since: closed, replaced by a new run. */
    CLOSED,
    APPROVED,
    EXPORTED;

    boolean isFrozen() {
        return this == APPROVED || this == EXPORTED;
    }

    boolean isRestartable() {
        return this == STARTED || this == FAILED;
    }
}
