package org.promiseledger.demo.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.promiseledger.demo.internal.BadRows.Flaw;

/**
 * The reference workload's deliberate bad rows: one in every 10,000 rows of each customer-event file (so never more
 * than 0.01 % of the workload), evenly spaced, each replacing an ordinary row and cycling through the kinds below.
 * Every flaw names the reject reason and column docs/data-contract.md's checks give it; OUT_OF_PERIOD rows are listed by the
 * engine but never count against the 1 % reject limit. Reference files, customers, internal surveys and
 * performance stay clean.
 */
final class ReferenceFaults {

    static final long ROWS_PER_FAULT = 10_000;

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);
    private static final DateTimeFormatter NO_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final List<Flaw> flaws;
    private final long rows;
    private final long faults;
    private long made;
    private long next;

    ReferenceFaults(ContractFile file, long rows, Quarter quarter) {
        this.flaws = flaws(file, quarter);
        this.rows = rows;
        this.faults = flaws.isEmpty() ? 0 : rows / ROWS_PER_FAULT;
        this.next = position(0);
    }

    /** How many rows of a file of this size are bad. */
    long count() {
        return faults;
    }

    /** Whether row i (0-based, data rows) is to be a bad one. */
    boolean isDue(long i) {
        return i == next;
    }

    /** Whether the bad row due at i is a second delivery of the row before it. */
    boolean isRedeliveryDue(long i) {
        return isDue(i) && flaws.get((int) (made % flaws.size())).isRedelivery();
    }

    /** The flaw for the row now due; moves on to the next one. */
    Flaw take() {
        Flaw flaw = flaws.get((int) (made % flaws.size()));
        made++;
        next = position(made);
        return flaw;
    }

    /** The middle of the m-th of `faults` equal stretches of the file. */
    private long position(long m) {
        return m < faults ? (2 * m + 1) * rows / (2 * faults) : -1;
    }

    static List<Flaw> flaws(ContractFile file, Quarter quarter) {
        String lateFromLastQuarter = QuarterClock.stamp(quarter.startInstant().minusSeconds(9 * 3600 + 55 * 60), ZoneOffset.UTC);
        // Exactly the next quarter's first instant: the period's end is exclusive.
        String nextQuarterStart = QuarterClock.stamp(quarter.endInstant(), ZoneOffset.UTC);
        // 01:30 on the first day at +02:00 is still the previous quarter in UTC, the reference company's zone.
        String localFirstMorning = QuarterClock.stamp(quarter.startInstant().minusSeconds(30 * 60), ZoneOffset.ofHours(2));
        LocalDateTime midQuarter = quarter.start().plusDays(45).atTime(14, 30);
        String noOffset = NO_OFFSET.format(midQuarter);
        String dayFirst = DAY_FIRST.format(midQuarter);
        return switch (file) {
            case SURVEYS -> List.of(
                    set(3, "responded_at", lateFromLastQuarter, "OUT_OF_PERIOD"),
                    set(2, "touchpoint_id", "T9999", "UNKNOWN_REFERENCE"),
                    set(4, "nps", "11", "OUT_OF_RANGE"),
                    set(3, "responded_at", noOffset, "UNPARSEABLE"),
                    new Flaw("nps", "MISSING_VALUE", row -> blank(row, 4, 5, 6)),
                    new Flaw("response_id", "DUPLICATE_ID", null),
                    set(3, "responded_at", nextQuarterStart, "OUT_OF_PERIOD"),
                    set(5, "csat", "4.5", "UNPARSEABLE"),
                    set(6, "effort", "0", "OUT_OF_RANGE"),
                    // The effort column lost in an export: a whole-record fault, so no column is named.
                    new Flaw("", "UNPARSEABLE", row -> Arrays.copyOf(row, row.length - 1)));
            case CONTACTS -> List.of(
                    set(3, "opened_at", localFirstMorning, "OUT_OF_PERIOD"),
                    // Ids are case-sensitive: "t0001" is not T0001.
                    set(2, "touchpoint_id", "t0001", "UNKNOWN_REFERENCE"),
                    set(4, "first_contact_resolved", "yes", "UNPARSEABLE"),
                    new Flaw("contact_id", "DUPLICATE_ID", null),
                    set(1, "customer_id", "", "MISSING_VALUE"),
                    set(3, "opened_at", dayFirst, "UNPARSEABLE"),
                    // A stray comma in the source system: one field too many.
                    new Flaw("", "UNPARSEABLE", row -> {
                        String[] longer = Arrays.copyOf(row, row.length + 1);
                        longer[row.length] = "escalated";
                        return longer;
                    }));
            case COMPLAINTS -> List.of(
                    set(3, "raised_at", nextQuarterStart, "OUT_OF_PERIOD"),
                    set(4, "severity", "4", "OUT_OF_RANGE"),
                    set(2, "touchpoint_id", "T9999", "UNKNOWN_REFERENCE"),
                    set(5, "upheld", "maybe", "UNPARSEABLE"),
                    new Flaw("complaint_id", "DUPLICATE_ID", null));
            case CHURN -> List.of(
                    set(1, "churned_at", lateFromLastQuarter, "OUT_OF_PERIOD"),
                    set(2, "last_touchpoint_id", "T9999", "UNKNOWN_REFERENCE"));
            default -> List.of();
        };
    }

    private static Flaw set(int index, String column, String value, String reason) {
        return new Flaw(column, reason, row -> {
            row[index] = value;
            return row;
        });
    }

    private static String[] blank(String[] row, int... columns) {
        for (int column : columns) {
            row[column] = "";
        }
        return row;
    }
}
