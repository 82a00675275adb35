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
 */
final class BackgroundLoads implements AutoCloseable {

    /** Loads waiting or running at once: two keep the server busy; more would only hold more rows in memory. */
    private static final int IN_FLIGHT = 2;

    private final javax.sql.DataSource dataSource;
    private final Connection connection;
    private final ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-load");
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
        inFlight.addLast(loader.submit(() -> {
            Path file = LoadData.write(table, rows);
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
            if (cause instanceof SQLException sql) {
                throw new DataAccessResourceFailureException("loading ledger rows: " + sql.getMessage(), sql);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
