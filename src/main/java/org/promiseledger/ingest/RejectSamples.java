package org.promiseledger.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's rejects in words ("employees.csv, line 5, column base_salary: OUT_OF_RANGE '-48000.00' (detail)"), the files
 * that stop a run first: an operator must see the row that stopped it, not the first reject in alphabetical order.
 */
public final class RejectSamples {

    private final JdbcTemplate jdbc;

    public RejectSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reference file must be clean: any reject against the limit stops the run. */
    public static boolean stopsAsReference(FileCounts counts) {
        return referenceFile(counts.fileName()) && counts.rejectedAgainstLimit() > 0;
    }

    /** More rejects against the limit than the limit's share of the rows read. */
    public static boolean overLimit(FileCounts counts, BigDecimal limitPercent) {
        BigDecimal limit = limitPercent.multiply(BigDecimal.valueOf(counts.read()))
                .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_EVEN);
        return BigDecimal.valueOf(counts.rejectedAgainstLimit()).compareTo(limit) > 0;
    }

    /** Files with rejects, those that stop the run first (reference files, then files past the limit), then the rest in contract order. */
    public static List<String> filesByWeight(List<FileCounts> counts, BigDecimal limitPercent) {
        return counts.stream().filter(c -> c.rejectedAgainstLimit() > 0)
                .sorted(Comparator.comparingInt(c -> stopsAsReference(c) ? 0 : overLimit(c, limitPercent) ? 1 : 2))
                .map(FileCounts::fileName).toList();
    }

    /** The first {@code limit} rejects of one file by line, leaving out rows that are only out of the period. */
    public List<String> of(long runId, String fileName, int limit) {
        return query(runId, fileName, limit).stream().map(r -> fileName + ", " + r).toList();
    }

    /** As {@link #of(long, String, int)}, without the file name: "line 5, column base_salary: OUT_OF_RANGE '-48000.00'". */
    public List<String> inFile(long runId, String fileName, int limit) {
        return query(runId, fileName, limit);
    }

    private List<String> query(long runId, String fileName, int limit) {
        return jdbc.query("SELECT file_name, line_no, column_name, reason, raw_value, detail FROM input_reject"
                + " WHERE run_id = ? AND file_name = ? AND reason <> 'OUT_OF_PERIOD' ORDER BY line_no LIMIT " + limit,
                (rs, i) -> describe(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                runId, fileName);
    }

    /** Up to {@code limit} rejects over the files in the order given. */
    public List<String> of(long runId, List<String> fileNames, int limit) {
        List<String> out = new ArrayList<>();
        for (String fileName : fileNames) {
            if (out.size() >= limit) {
                break;
            }
            out.addAll(of(runId, fileName, limit - out.size()));
        }
        return out;
    }

    static String describe(long line, String column, String reason, String value, String detail) {
        return "line " + line + (column == null || column.isEmpty() ? "" : ", column " + column) + ": " + reason
                + (value == null || value.isEmpty() ? "" : " '" + value + "'") + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }

    private static boolean referenceFile(String fileName) {
        return Arrays.stream(InputFile.values()).anyMatch(f -> f.isReference() && f.fileName().equals(fileName));
    }
}
