package org.promiseledger.ingest;

/** What validation made of one CSV record: either the typed values to stage, or the reject to list. */
sealed interface RowOutcome {

    long line();

    record Accepted(long line, Object[] values) implements RowOutcome {
    }

    record Rejected(long line, String column, RejectReason reason, String value, String detail) implements RowOutcome {
    }
}
