package org.promiseledger.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.promiseledger.kernel.LoadData;

/**
 * Stages accepted rows on MySQL/MariaDB with LOAD DATA LOCAL INFILE, the server's own bulk path, instead of
 * parameter-bound INSERTs (binding every value in the driver cost more than validating the row; see {@link LoadData}).
 * Blocks of rows are loaded by a background thread on a connection of its own, so the server loads one block while
 * the step validates the next. Each load commits on its own; a restarted step starts by deleting them all, like any interrupted attempt.
 * Writing a block's file is a stage of its own (a second thread): while the server loads one block the next is being
 * written, so the server never waits for a file to be written.
 */
final class LoadDataWriter implements StagingWriter {

    /** Rows per LOAD DATA statement: big enough that the statement's fixed cost vanishes, small enough to overlap. */
    static final int ROWS_PER_LOAD = 50_000;
    private static final int LOADS_IN_FLIGHT = 2;

    private final InputFile file;
    private final long runId;
    private final Connection connection;
    private final List<String> columns = new ArrayList<>();
    private final ExecutorService loader;
    private final ExecutorService writer;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private List<RowOutcome.Accepted> block = new ArrayList<>();

    /** @param connection a connection of its own (the writer closes it), allowed to load from {@link LoadData#folder()} */
    LoadDataWriter(Connection connection, long runId, InputFile file) throws SQLException {
        this.connection = connection;
        this.runId = runId;
        this.file = file;
        columns.add("run_id");
        columns.add("line_no");
        columns.addAll(file.header());
        connection.setAutoCommit(true);
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM " + file.stagingTable() + " WHERE run_id = " + runId);
        }
        this.loader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-" + file.stagingTable());
            thread.setDaemon(true);
            return thread;
        });
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "write-" + file.stagingTable());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void write(List<RowOutcome.Accepted> rows) {
        block.addAll(rows);
        if (block.size() >= ROWS_PER_LOAD) {
            submit();
        }
    }

    @Override
    public void finish() {
        if (!block.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    @Override
    public void close() {
        loader.shutdownNow();
        writer.shutdownNow();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection: nothing of ours is left uncommitted on it
        }
    }

    private void submit() {
        List<RowOutcome.Accepted> rows = block;
        block = new ArrayList<>();
        if (inFlight.size() >= LOADS_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        // both stages take blocks in hand-over order, so the loads keep file order
        Future<Path> written = writer.submit(() -> writeFile(rows));
        String lines = rows.get(0).line() + ".." + rows.get(rows.size() - 1).line();
        inFlight.addLast(loader.submit(() -> {
            load(written.get(), lines);
            return null;
        }));
    }

    private Path writeFile(List<RowOutcome.Accepted> rows) {
        List<Object[]> lines = new ArrayList<>(rows.size());
        for (RowOutcome.Accepted row : rows) {
            Object[] line = new Object[row.values().length + 2];
            line[0] = runId;
            line[1] = row.line();
            System.arraycopy(row.values(), 0, line, 2, row.values().length);
            lines.add(line);
        }
        return LoadData.write(file.stagingTable(), lines);
    }

    /** @param lines the block's first and last line numbers, for the message of a failed load */
    private void load(Path tsv, String lines) throws SQLException {
        try (Statement load = connection.createStatement()) {
            LoadData.load(load, tsv, file.stagingTable(), columns);
        } catch (SQLException e) {
            throw new SQLException(file.fileName() + " lines " + lines + ": " + e.getMessage(), e);
        }
    }

    private static void await(Future<?> load) {
        try {
            load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExecutionException written) {
                cause = written.getCause(); // the block's file could not be written
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
