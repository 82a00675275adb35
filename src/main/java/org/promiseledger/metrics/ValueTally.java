package org.promiseledger.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * One touchpoint's accepted rows of one events file, counted: how many rows, and how many had each value of each
 * tallied column (score and flag columns by their value; the event's timestamp by its day in the company zone). A
 * null (an optional score left empty) is counted in {@link #rows()} only. Built by ingest while it validates the file
 * (see {@link EventTallies}); read by metrics and integrity instead of grouping the staged rows again.
 */
public final class ValueTally {

    private long rows;
    private final Map<String, Map<String, Long>> byColumn = new HashMap<>();

    /** Adds rows: {@code column} null adds to the total only, else to that column's {@code value}. */
    public void add(String column, String value, long count) {
        if (column == null) {
            rows += count;
        } else {
            byColumn.computeIfAbsent(column, c -> new HashMap<>()).merge(value, count, Long::sum);
        }
    }

    /** The tallied columns (day columns under {@link #dayColumn}). */
    public java.util.Set<String> columns() {
        return Collections.unmodifiableSet(byColumn.keySet());
    }

    /** Every accepted row of the touchpoint. */
    public long rows() {
        return rows;
    }

    /** @return value text (a score "0".."10", a flag "true"/"false", a day "2026-07-01") → rows with it */
    public Map<String, Long> values(String column) {
        return Collections.unmodifiableMap(byColumn.getOrDefault(column, Map.of()));
    }

    /** Rows with a value in the integer column (a score): the answers of that question. */
    public long answered(String column) {
        return where(column, v -> true);
    }

    /** Rows whose integer value passes {@code test}, e.g. NPS ≥ 9. */
    public long where(String column, IntPredicate test) {
        long count = 0;
        for (Map.Entry<String, Long> e : values(column).entrySet()) {
            if (test.test(Integer.parseInt(e.getKey()))) {
                count += e.getValue();
            }
        }
        return count;
    }

    /** Σ value × rows over an integer column (the effort sum). */
    public long sum(String column) {
        long sum = 0;
        for (Map.Entry<String, Long> e : values(column).entrySet()) {
            sum += Integer.parseInt(e.getKey()) * e.getValue();
        }
        return sum;
    }

    /** Rows whose flag column is true. */
    public long flagged(String column) {
        return values(column).getOrDefault("true", 0L);
    }

    /** Rows whose timestamp column falls on {@code day} or later, days taken in the company zone. */
    public long onOrAfter(String timestampColumn, LocalDate day) {
        long count = 0;
        for (Map.Entry<String, Long> e : values(dayColumn(timestampColumn)).entrySet()) {
            if (!LocalDate.parse(e.getKey()).isBefore(day)) {
                count += e.getValue();
            }
        }
        return count;
    }

    /** The name a timestamp column's days are tallied under. */
    public static String dayColumn(String timestampColumn) {
        return timestampColumn + ".day";
    }
}
