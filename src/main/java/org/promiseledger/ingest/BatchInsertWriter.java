package org.promiseledger.ingest;

import java.util.List;

/** Batched INSERTs in the step's own transaction: the way onto H2, and onto a MySQL server refusing LOAD DATA LOCAL. */
final class BatchInsertWriter implements StagingWriter {

    private final StagingStore store;
    private final long runId;
    private final InputFile file;

    BatchInsertWriter(StagingStore store, long runId, InputFile file) {
        this.store = store;
        this.runId = runId;
        this.file = file;
        store.clearStaged(runId, file);
    }

    @Override
    public void write(List<RowOutcome.Accepted> rows) {
        store.insertAccepted(runId, file, rows);
    }

    @Override
    public void finish() {
        // every batch went out in the step's transaction
    }

    @Override
    public void close() {
        // nothing held
    }
}
