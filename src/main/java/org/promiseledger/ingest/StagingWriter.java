package org.promiseledger.ingest;

import java.util.List;

/**
 * Where the accepted rows of one file go, chunk after chunk. Opening a writer removes whatever an interrupted
 * attempt left for the same run and file, so a restarted step stages the file exactly once.
 */
interface StagingWriter extends AutoCloseable {

    void write(List<RowOutcome.Accepted> rows);

    /** Returns once every row written so far is committed (or would be with the step's transaction). */
    void finish();

    @Override
    void close();
}
