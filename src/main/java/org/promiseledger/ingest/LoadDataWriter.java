package org.promiseledger.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stages accepted rows on MySQL/MariaDB with LOAD DATA LOCAL INFILE, the server's own bulk path, instead of
 * parameter-bound INSERTs (binding every value in the driver cost more than validating the row). Rows are written
 * to a tab-separated file in a private temporary folder — the only folder this connection lets the server read — and
 * loaded by a background thread on its own connection, so the server loads one block while the step validates the
 * next. Each load commits on its own; a restarted step starts by deleting them all, like any interrupted attempt.
 */
final class LoadDataWriter implements StagingWriter {

    /** Rows per LOAD DATA statement: big enough that the statement's fixed cost vanishes, small enough to overlap. */
    static final int ROWS_PER_LOAD = 50_000;
    private static final int LOADS_IN_FLIGHT = 2;

    private final InputFile file;
    private final long runId;
    private final Connection connection;
    private final Path folder;
    private final ExecutorService loader;
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private List<RowOutcome.Accepted> block = new ArrayList<>();
    private int loads;

    /**
     * @param connection a connection of its own, opened with {@code allowLoadLocalInfileInPath} set to {@code folder};
     *                   the writer closes it
     */
    LoadDataWriter(Connection connection, Path folder, long runId, InputFile file) throws SQLException {
        this.connection = connection;
        this.folder = folder;
        this.runId = runId;
        this.file = file;
        connection.setAutoCommit(true);
        try (Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM " + file.stagingTable() + " WHERE run_id = " + runId);
        }
        this.loader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-" + file.stagingTable());
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
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection: nothing of ours is left uncommitted on it
        }
        try (var files = Files.list(folder)) {
            for (Path leftover : files.toList()) {
                Files.deleteIfExists(leftover);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // a temporary folder the operating system cleans up anyway
        }
    }

    private void submit() {
        List<RowOutcome.Accepted> rows = block;
        block = new ArrayList<>();
        Path tsv = folder.resolve(file.stagingTable() + "-" + (++loads) + ".tsv");
        if (inFlight.size() >= LOADS_IN_FLIGHT) {
            await(inFlight.removeFirst());
        }
        inFlight.addLast(loader.submit(() -> {
            load(tsv, rows);
            return null;
        }));
    }

    private void load(Path tsv, List<RowOutcome.Accepted> rows) throws IOException, SQLException {
        try (BufferedWriter out = Files.newBufferedWriter(tsv, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (RowOutcome.Accepted row : rows) {
                line.setLength(0);
                line.append(runId).append('\t').append(row.line());
                for (Object value : row.values()) {
                    line.append('\t');
                    appendField(line, value);
                }
                out.append(line).append('\n');
            }
        }
        try (Statement load = connection.createStatement()) {
            load.execute("LOAD DATA LOCAL INFILE '" + sqlString(tsv.toString()) + "' INTO TABLE " + file.stagingTable()
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'"
                    + " (run_id, line_no, " + String.join(", ", file.header()) + ")");
            // LOCAL makes the server turn data errors into warnings; any warning means a row did not land as written
            SQLWarning warning = load.getWarnings();
            if (warning != null) {
                throw new SQLException("loading " + file.fileName() + " lines " + rows.get(0).line() + ".."
                        + rows.get(rows.size() - 1).line() + " into " + file.stagingTable() + ": " + warning.getMessage());
            }
        } finally {
            Files.deleteIfExists(tsv);
        }
    }

    /** One value in LOAD DATA's default text format: \N for NULL, backslash escapes, flags as 1/0. */
    static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Boolean flag ? (flag ? "1" : "0")
                : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    private static String sqlString(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static void await(Future<?> load) {
        try {
            load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading rows", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
