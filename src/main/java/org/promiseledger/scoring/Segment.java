package org.promiseledger.scoring;

import java.time.LocalDate;

/**
 * One accepted employees.csv row clipped to the quarter: the part of the quarter an employee spent in one
 * department, role and pay. The rules score it as the employee fact whose id is {@code key}.
 *
 * @param key the id the segment's fact carries in the rule session, unique per segment
 * @param days calendar days of the quarter inside [from, to]
 * @param quarterDays D, the days in the quarter
 */
public record Segment(String key, String employeeId, LocalDate from, LocalDate to, int days, int quarterDays) {

    /** The key of a segment's fact: the employee id and the segment's dates, readable where a rule quotes it. */
    public static String keyOf(String employeeId, LocalDate from, LocalDate to) {
        return employeeId + " [" + from + ".." + to + "]";
    }

    public String dates() {
        return from + ".." + to;
    }
}
