package org.promiseledger.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The per-file row counts of a run, in the contract's file order. */
public final class InputCounts {

    private InputCounts() {
    }

    public static List<FileCounts> of(JdbcTemplate jdbc, long runId) {
        List<FileCounts> counts = jdbc.query("SELECT file_name, rows_read, rows_accepted, rows_rejected, rows_out_of_period"
                + " FROM input_file_count WHERE run_id = ?", (rs, i) -> new FileCounts(rs.getString(1), rs.getLong(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5)), runId);
        List<String> order = java.util.Arrays.stream(InputFile.values()).map(InputFile::fileName).toList();
        return counts.stream().sorted(java.util.Comparator.comparing(c -> order.indexOf(c.fileName()))).toList();
    }
}
