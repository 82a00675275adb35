package org.promiseledger.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.period.Period;

/**
 * The last two checks of an employees.csv row, which carries a date range (valid_from, valid_to, inclusive, empty =
 * open): a range overlapping an earlier accepted row of the same employee is that employee's duplicate, and a range
 * that misses the quarter is out of the period. A file without the dates gives every row the open range, so the
 * first row of an id is kept and every later one is a duplicate, exactly as for any other file.
 */
final class EmploymentHistory {

    private record Range(long line, LocalDate from, LocalDate to) {
        boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
            return !from.isAfter(otherTo) && !otherFrom.isAfter(to);
        }
    }

    private final Period period;
    private final Map<String, List<Range>> accepted = new HashMap<>();

    EmploymentHistory(Period period) {
        this.period = period;
    }

    /**
     * Judges a row that passed every field and reference check; an accepted row is remembered.
     *
     * @param from the parsed valid_from, or null when open
     * @param to the parsed valid_to, or null when open
     */
    RowOutcome check(long line, Object[] values, String employeeId, LocalDate from, LocalDate to, String fromText, String toText) {
        LocalDate start = from == null ? LocalDate.MIN : from;
        LocalDate end = to == null ? LocalDate.MAX : to;
        for (Range earlier : accepted.getOrDefault(employeeId, List.of())) {
            if (earlier.overlaps(start, end)) {
                return new RowOutcome.Rejected(line, "employee_id", RejectReason.DUPLICATE_ID, employeeId,
                        "overlaps the row on line " + earlier.line() + " of the same employee");
            }
        }
        if (end.isBefore(period.firstDay())) {
            return new RowOutcome.Rejected(line, "valid_to", RejectReason.OUT_OF_PERIOD, toText,
                    "ends before " + period + " begins (" + period.firstDay() + ")");
        }
        if (start.isAfter(period.lastDay())) {
            return new RowOutcome.Rejected(line, "valid_from", RejectReason.OUT_OF_PERIOD, fromText,
                    "begins after " + period + " ends (" + period.lastDay() + ")");
        }
        accepted.computeIfAbsent(employeeId, k -> new ArrayList<>(1)).add(new Range(line, start, end));
        return new RowOutcome.Accepted(line, values);
    }

    /**
     * Whether a row's raw dates could give it a segment in the quarter, for the ids a manager_id may name before the
     * file is validated: a row whose dates do not parse is rejected anyway, which stops the run.
     */
    static boolean mayCover(String fromText, String toText, Period period) {
        try {
            LocalDate from = fromText.isEmpty() ? LocalDate.MIN : LocalDate.parse(fromText);
            LocalDate to = toText.isEmpty() ? LocalDate.MAX : LocalDate.parse(toText);
            return !to.isBefore(period.firstDay()) && !from.isAfter(period.lastDay());
        } catch (RuntimeException e) {
            return true;
        }
    }
}
