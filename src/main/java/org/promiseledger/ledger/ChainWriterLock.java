package org.promiseledger.ledger;

/**
 * Keeps two writers from forking a hash chain: held from {@link #lockUntilCommit()} until the caller's transaction
 * ends, across processes (so it lives in the database). The runs feature provides it with the row locks it already
 * keeps for periods; the ledger only asks, so it does not depend on runs.
 */
public interface ChainWriterLock {

    /** Blocks until no other transaction holds the lock, then holds it until the current transaction ends. */
    void lockUntilCommit();
}
