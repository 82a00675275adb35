package org.promiseledger.ingest;

/**
 * What validation made of one CSV record: the typed values to stage, the reject to list, or — when the id's
 * fingerprint was seen before — a suspect held back until the file's end, where the ids really staged tell.
 */
sealed interface RowOutcome {

    long line();

    record Accepted(long line, Object[] values) implements RowOutcome {
    }

    /** A row that passed every check before the duplicate one; its id may or may not have been claimed earlier. */
    record Suspect(long line, Object[] values, String id, String periodText) implements RowOutcome {
    }

    record Rejected(long line, String column, RejectReason reason, String value, String detail) implements RowOutcome {
    }
}
