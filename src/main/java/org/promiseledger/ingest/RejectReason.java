package org.promiseledger.ingest;

/** Why an input row was refused; the order of checks is fixed by docs/data-contract.md so two people agree on the reason. */
public enum RejectReason {
    MISSING_VALUE, UNPARSEABLE, OUT_OF_RANGE, UNKNOWN_REFERENCE, DUPLICATE_ID, OUT_OF_PERIOD;

    /** OUT_OF_PERIOD rows are listed but are not faults of the file, so they do not count against the reject limit. */
    public boolean countsAgainstLimit() {
        return this != OUT_OF_PERIOD;
    }
}
