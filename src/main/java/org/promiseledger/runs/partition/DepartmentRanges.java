package org.promiseledger.runs.partition;

import java.util.ArrayList;
import java.util.List;

import org.promiseledger.kernel.CodePoints;

/**
 * Cuts a run's departments, in code-point order, into at most {@code count} contiguous ranges of nearly equal size.
 * The cut depends only on the departments and the count, so a restarted run gets the same ranges again.
 */
public final class DepartmentRanges {

    /** One partition: the departments from {@code first} to {@code last}, both included, in code-point order. */
    public record Range(String first, String last) {

        public boolean contains(String departmentId) {
            return CodePoints.ORDER.compare(first, departmentId) <= 0 && CodePoints.ORDER.compare(departmentId, last) <= 0;
        }

        public String label() {
            return first.equals(last) ? first : first + ".." + last;
        }
    }

    private DepartmentRanges() {
    }

    public static List<Range> cut(List<String> departments, int count) {
        List<String> sorted = new ArrayList<>(departments);
        sorted.sort(CodePoints.ORDER);
        int parts = Math.max(1, Math.min(count, sorted.size()));
        List<Range> ranges = new ArrayList<>(parts);
        for (int i = 0; i < parts && !sorted.isEmpty(); i++) {
            int from = (int) ((long) sorted.size() * i / parts);
            int to = (int) ((long) sorted.size() * (i + 1) / parts) - 1;
            ranges.add(new Range(sorted.get(from), sorted.get(to)));
        }
        return ranges;
    }
}
