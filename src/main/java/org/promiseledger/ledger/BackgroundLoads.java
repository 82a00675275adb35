package org.promiseledger.ledger;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.promiseledger.kernel.LoadData;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads ledger rows with LOAD DATA on one background thread while the booking thread hashes the next rows, on the
 * connection of the caller's transaction (so inside it, rolled back with it). Loads run one at a time in the order
 * they were handed over, so rows get the ids they would get loaded in line. The booking thread does not use the
 * connection meanwhile: it only hashes and formats. {@link #awaitAll()} and {@link #close()} wait for every load and
 * rethrow the first failure.
 *
 * <p>Writing a block's file is a stage of its own (a second thread), not part of the load: while the server loads
 * one block the next is already being written, so the server never waits for a file (writing a 20,000-row block
 * took as long as a third of its load, and the server sat idle meanwhile).
 */
final class BackgroundLoads implements AutoCloseable {

    /**
     * Blocks handed over and not yet loaded: one loading, one written and waiting, one being written keep both the
     * server and the writer busy; more would only hold more rows in memory.
     */
    private static final int IN_FLIGHT = 3;

    private final javax.sql.DataSource dataSource;
    private final Connection connection;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-load");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-write");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();

    BackgroundLoads(JdbcTemplate jdbc) {
        this.dataSource = jdbc.getDataSource();
        this.connection = DataSourceUtils.getConnection(dataSource);
    }

    /** Hands the rows over (the caller must not touch the list afterwards); they are written and loaded in turn. */
    void load(String table, List<String> columns, List<Object[]> rows) {
        while (inFlight.size() >= IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        // both stages run their blocks in hand-over order, so the loads do too
        Future<Path> written = writer.submit(() -> LoadData.write(table, rows));
        inFlight.addLast(loader.submit(() -> {
            Path file = written.get();
            try (Statement statement = connection.createStatement()) {
                LoadData.load(statement, file, table, columns);
            }
            return null;
        }));
    }

    void awaitAll() {
        while (!inFlight.isEmpty()) {
            await(inFlight.removeFirst());
        }
    }

    @Override
    public void close() {
        try {
            awaitAll();
        } finally {
            loader.shutdownNow();
            writer.shutdownNow();
            inFlight.clear();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void await(Future<?> load) {
        try {
            load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading ledger rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExecutionException written) {
                cause = written.getCause(); // the block's file could not be written
            }
            if (cause instanceof SQLException sql) {
                throw new DataAccessResourceFailureException("loading ledger rows: " + sql.getMessage(), sql);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
