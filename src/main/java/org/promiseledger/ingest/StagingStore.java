package org.promiseledger.ingest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.promiseledger.kernel.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The accepted rows of a run's input files, its rejects and its row counts, in the database. */
@Repository
class StagingStore {

    private final JdbcTemplate jdbc;

    StagingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the rejects, counts and tally an interrupted attempt at this file left (its staged rows: {@link #clearStaged}). */
    void clearRejects(long runId, InputFile file) {
        jdbc.update("DELETE FROM input_reject WHERE run_id = ? AND file_name = ?", runId, file.fileName());
        jdbc.update("DELETE FROM input_file_count WHERE run_id = ? AND file_name = ?", runId, file.fileName());
        jdbc.update("DELETE FROM input_tally WHERE run_id = ? AND file_name = ?", runId, file.fileName());
    }

    Set<String> acceptedIds(long runId, InputFile file) {
        String idColumn = file.header().get(0);
        Set<String> ids = new HashSet<>();
        jdbc.query("SELECT " + idColumn + " FROM " + file.stagingTable() + " WHERE run_id = ?",
                rs -> {
                    ids.add(rs.getString(1));
                }, runId);
        return Collections.unmodifiableSet(ids);
    }

    void clearStaged(long runId, InputFile file) {
        jdbc.update("DELETE FROM " + file.stagingTable() + " WHERE run_id = ?", runId);
    }

    /**
     * Which of these ids the file's staged rows carry. One pass over the run's rows (no index on ids: see
     * {@link HeldSuspects}). Up to {@link #IDS_ASKED_AT_ONCE} ids, the database looks for them itself and sends back
     * only those it finds (streaming all of a 2.5 M-row file's ids to the JVM to keep a handful took seconds); more,
     * and the ids are streamed and looked up here, so memory holds only the ids asked about.
     */
    Set<String> stagedAmong(long runId, InputFile file, Set<String> ids) {
        Set<String> found = new HashSet<>();
        String idColumn = file.header().get(0);
        if (ids.isEmpty()) {
            return found;
        }
        if (ids.size() <= IDS_ASKED_AT_ONCE) {
            List<Object> args = new ArrayList<>(ids.size() + 1);
            args.add(runId);
            args.addAll(ids);
            jdbc.query("SELECT " + idColumn + " FROM " + file.stagingTable() + " WHERE run_id = ? AND " + idColumn
                    + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                    rs -> {
                        found.add(rs.getString(1));
                    }, args.toArray());
            return found;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT " + idColumn + " FROM " + file.stagingTable()
                    + " WHERE run_id = ?", java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Databases.isMySql(connection) ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return statement;
        }, rs -> {
            String id = rs.getString(1);
            if (ids.contains(id)) {
                found.add(id);
            }
        });
        return found;
    }

    /** Ids {@link #stagedAmong} puts in one IN list: far from the drivers' limit of 65,535 parameters. */
    static final int IDS_ASKED_AT_ONCE = 10_000;

    void insertAccepted(long runId, InputFile file, List<RowOutcome.Accepted> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> header = file.header();
        String sql = "INSERT INTO " + file.stagingTable() + " (run_id, line_no, " + String.join(", ", header)
                + ") VALUES (?, ?" + ", ?".repeat(header.size()) + ")";
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (RowOutcome.Accepted row : rows) {
            Object[] args = new Object[header.size() + 2];
            args[0] = runId;
            args[1] = row.line();
            for (int i = 0; i < header.size(); i++) {
                Object value = row.values()[i];
                args[i + 2] = value instanceof OffsetDateTime at ? at.toString() : value;
            }
            batch.add(args);
        }
        jdbc.batchUpdate(sql, batch);
    }

    void insertRejects(long runId, InputFile file, List<RowOutcome.Rejected> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        List<Object[]> batch = rejects.stream()
                .map(r -> new Object[] {runId, file.fileName(), r.line(), r.column(), r.reason().name(), r.value(), r.detail()})
                .toList();
        jdbc.batchUpdate("INSERT INTO input_reject (run_id, file_name, line_no, column_name, reason, raw_value, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", batch);
    }

    void saveCounts(long runId, InputFile file, FileCounts counts) {
        jdbc.update("INSERT INTO input_file_count (run_id, file_name, rows_read, rows_accepted, rows_rejected, rows_out_of_period)"
                + " VALUES (?, ?, ?, ?, ?, ?)", runId, file.fileName(), counts.read(), counts.accepted(), counts.rejected(),
                counts.outOfPeriod());
    }

}
