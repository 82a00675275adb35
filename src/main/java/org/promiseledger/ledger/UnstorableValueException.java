package org.promiseledger.ledger;

/**
 * A value the ledger cannot hold (more digits than its column): it would fail the same way on every retry, so the
 * run is refused (exit 2) naming the value, instead of dying on the database's overflow error.
 */
public class UnstorableValueException extends RuntimeException {

    public UnstorableValueException(String message) {
        super(message);
    }
}
