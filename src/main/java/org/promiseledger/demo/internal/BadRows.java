package org.promiseledger.demo.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The faulty rows a real quarter's feeds contain, planted in the three event files so that the demo shows rejects
 * without stopping the run: a dozen at most per file, far below the 1 % reject limit (complaints, the smallest
 * file, gets only four). Each flaw names the reject reason and column docs/data-contract.md's checks give it. The
 * OUT_OF_PERIOD rows are listed by the engine but never count against the limit. Reference files, churn,
 * customers, internal surveys and performance stay clean: a reject in a reference file stops the run.
 */
public final class BadRows {

    /** One planted row: the reason the engine should reject it for, and the column it should name. */
    public record Flaw(String column, String reason, UnaryOperator<String[]> spoil) {
        /** A second delivery of an earlier row, rather than a spoiled copy. */
        boolean isRedelivery() {
            return spoil == null;
        }
    }

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);
    private static final DateTimeFormatter NO_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final Quarter quarter;

    public BadRows(Quarter quarter) {
        this.quarter = quarter;
    }

    public List<Flaw> flaws(ContractFile file) {
        return switch (file) {
            case SURVEYS -> List.of(
                    set(2, "touchpoint_id", "T99", "UNKNOWN_REFERENCE"),
                    set(4, "nps", "11", "OUT_OF_RANGE"),
                    set(5, "csat", "0", "OUT_OF_RANGE"),
                    set(6, "effort", "8", "OUT_OF_RANGE"),
                    set(4, "nps", "7.5", "UNPARSEABLE"),
                    set(3, "responded_at", DAY_FIRST.format(midQuarter()), "UNPARSEABLE"),
                    set(3, "responded_at", NO_OFFSET.format(midQuarter()), "UNPARSEABLE"),
                    new Flaw("nps", "MISSING_VALUE", row -> blank(row, 4, 5, 6)),
                    set(1, "customer_id", "", "MISSING_VALUE"),
                    redelivery("response_id"),
                    // The effort column lost in an export: a whole-record fault, so no column is named.
                    new Flaw("", "UNPARSEABLE", row -> Arrays.copyOf(row, row.length - 1)),
                    set(3, "responded_at", lateFromLastQuarter(), "OUT_OF_PERIOD"),
                    set(3, "responded_at", nextQuarterStart(), "OUT_OF_PERIOD"),
                    set(3, "responded_at", localFirstMorning(), "OUT_OF_PERIOD"));
            case CONTACTS -> List.of(
                    set(2, "touchpoint_id", "T30", "UNKNOWN_REFERENCE"),
                    set(4, "first_contact_resolved", "yes", "UNPARSEABLE"),
                    set(4, "first_contact_resolved", "", "MISSING_VALUE"),
                    set(2, "touchpoint_id", "", "MISSING_VALUE"),
                    set(3, "opened_at", DAY_FIRST.format(midQuarter()), "UNPARSEABLE"),
                    set(3, "opened_at", NO_OFFSET.format(midQuarter()), "UNPARSEABLE"),
                    redelivery("contact_id"),
                    // A stray comma in the source system: one field too many.
                    new Flaw("", "UNPARSEABLE", row -> {
                        String[] longer = Arrays.copyOf(row, row.length + 1);
                        longer[row.length] = "escalated";
                        return longer;
                    }),
                    set(3, "opened_at", lateFromLastQuarter(), "OUT_OF_PERIOD"),
                    set(3, "opened_at", nextQuarterStart(), "OUT_OF_PERIOD"),
                    set(3, "opened_at", localFirstMorning(), "OUT_OF_PERIOD"));
            case COMPLAINTS -> List.of(
                    set(4, "severity", "4", "OUT_OF_RANGE"),
                    // Ids are case-sensitive: "t04" is not T04.
                    set(2, "touchpoint_id", "t04", "UNKNOWN_REFERENCE"),
                    set(5, "upheld", "maybe", "UNPARSEABLE"),
                    redelivery("complaint_id"),
                    set(3, "raised_at", lateFromLastQuarter(), "OUT_OF_PERIOD"),
                    set(3, "raised_at", nextQuarterStart(), "OUT_OF_PERIOD"));
            default -> List.of();
        };
    }

    public void plant(ContractFile file, EventFile events) {
        for (Flaw flaw : flaws(file)) {
            if (flaw.isRedelivery()) {
                events.addRedelivery();
            } else {
                events.addSpoiled(flaw.spoil());
            }
        }
    }

    private static Flaw set(int index, String column, String value, String reason) {
        return new Flaw(column, reason, row -> {
            row[index] = value;
            return row;
        });
    }

    private static Flaw redelivery(String idColumn) {
        return new Flaw(idColumn, "DUPLICATE_ID", null);
    }

    private static String[] blank(String[] row, int... columns) {
        for (int column : columns) {
            row[column] = "";
        }
        return row;
    }

    private LocalDateTime midQuarter() {
        return quarter.start().plusDays(45).atTime(14, 30);
    }

    /** A row from the previous quarter that a feed delivered late. */
    private String lateFromLastQuarter() {
        return QuarterClock.stamp(quarter.startInstant().minusSeconds(9 * 3600 + 55 * 60), ZoneOffset.UTC);
    }

    /** Exactly the next quarter's first instant: the period's end is exclusive. */
    private String nextQuarterStart() {
        return QuarterClock.stamp(quarter.endInstant(), ZoneOffset.UTC);
    }

    /** 01:30 on the quarter's first day at +02:00 is still the previous quarter in UTC, the demo's company zone. */
    private String localFirstMorning() {
        Instant instant = quarter.startInstant().minusSeconds(30 * 60);
        return QuarterClock.stamp(instant, ZoneOffset.ofHours(2));
    }
}
