package org.promiseledger.ingest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of a run's ingested inputs: its rejects, filtered and a page at a time, and — for a
 * dry check, which ingests under an id no run has — discarding everything staged under that id.
 */
@Repository
public class StagedInputs {

    /** One rejected row, as the rejects export lists it, with the validator's explanation. */
    public record Reject(String fileName, long line, String column, String reason, String value, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final StagingStore store;

    StagedInputs(JdbcTemplate jdbc, StagingStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Rejects of a run by file (contract order is not needed: file name, then line), optionally of one file and reason. */
    public List<Reject> rejects(long runId, String fileName, String reason, long offset, int limit) {
        Filter filter = new Filter(runId, fileName, reason);
        List<Object> args = new ArrayList<>(filter.args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT file_name, line_no, column_name, reason, raw_value, detail FROM input_reject" + filter.where
                + " ORDER BY file_name, line_no, id LIMIT ? OFFSET ?", (rs, i) -> new Reject(rs.getString(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), args.toArray());
    }

    public long countRejects(long runId, String fileName, String reason) {
        Filter filter = new Filter(runId, fileName, reason);
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM input_reject" + filter.where, Long.class, filter.args.toArray());
        return count == null ? 0 : count;
    }

    /** Removes the staged rows, rejects and counts kept under this id (a dry check's, never a run's). */
    public void discard(long checkId) {
        if (checkId >= 0) {
            throw new IllegalArgumentException("only a dry check's negative id may be discarded, not run " + checkId);
        }
        for (InputFile file : InputFile.values()) {
            store.clearStaged(checkId, file);
            store.clearRejects(checkId, file);
        }
    }

    private static final class Filter {
        final String where;
        final List<Object> args = new ArrayList<>();

        Filter(long runId, String fileName, String reason) {
            StringBuilder where = new StringBuilder(" WHERE run_id = ?");
            args.add(runId);
            if (fileName != null && !fileName.isBlank()) {
                where.append(" AND file_name = ?");
                args.add(fileName);
            }
            if (reason != null && !reason.isBlank()) {
                where.append(" AND reason = ?");
                args.add(reason);
            }
            this.where = where.toString();
        }
    }
}
