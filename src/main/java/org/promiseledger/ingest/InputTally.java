package org.promiseledger.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.promiseledger.metrics.ValueTally;
import org.promiseledger.period.Period;

/**
 * Counts one events file's accepted rows per touchpoint as they are validated: the rows, each value of the score and
 * flag columns, and for survey answers the day (in the company zone) of the timestamp that places the row in the
 * quarter. Counting into a
 * flat array per touchpoint keeps the cost of a row to a few array increments; {@link #tallies()} turns them into
 * {@link ValueTally}s. Only files with a touchpoint column are tallied ({@link #of}).
 */
final class InputTally {

    /**
     * The files whose rows are tallied by day too. Integrity's END_OF_QUARTER_BUNCHING, on survey answers, is the only
     * reader of days; days of the other files would add some 92 rows per touchpoint each, for nobody.
     */
    private static final Set<InputFile> DAYS_TALLIED = EnumSet.of(InputFile.SURVEYS);

    /** Days before the quarter's first day a row may fall on once its instant is taken in another zone. */
    private static final int DAYS_OF_MARGIN = 2;

    /** One tallied column: where its value is in a row, and where its counts start in a touchpoint's array. */
    private record Slot(String name, int index, int offset, int size, FieldType type) {
    }

    private final int touchpointIndex;
    private final List<Slot> slots = new ArrayList<>();
    private final ZoneId zone;
    private final LocalDate firstDay;
    private final int width;
    private final Map<String, long[]> counts = new HashMap<>();

    private InputTally(InputFile file, List<String> header, Period period, ZoneId zone) {
        this.zone = zone;
        this.firstDay = period.firstDay().minusDays(DAYS_OF_MARGIN);
        int days = (int) (period.next().firstDay().toEpochDay() - firstDay.toEpochDay()) + DAYS_OF_MARGIN;
        int touchpoint = -1;
        int offset = 1; // [0] counts every row
        for (Column column : file.columns()) {
            int index = header.indexOf(column.name());
            if (column.references() == InputFile.TOUCHPOINTS) {
                touchpoint = index;
            }
            int size = 0;
            if (column.type() instanceof FieldType.Score score) {
                size = score.max() - score.min() + 1;
            } else if (column.type() instanceof FieldType.Flag) {
                size = 2;
            } else if (column.type() instanceof FieldType.Timestamp && column.name().equals(file.periodColumn())
                    && DAYS_TALLIED.contains(file)) {
                size = days;
            }
            if (size > 0) {
                slots.add(new Slot(column.name(), index, offset, size, column.type()));
                offset += size;
            }
        }
        this.touchpointIndex = touchpoint;
        this.width = offset;
    }

    /**
     * A tally for the file, or empty when there is nothing to count per touchpoint: no touchpoint column, or no score,
     * flag or day column (churn).
     */
    static Optional<InputTally> of(InputFile file, Period period, ZoneId zone) {
        boolean perTouchpoint = file.columns().stream().anyMatch(c -> c.references() == InputFile.TOUCHPOINTS);
        if (!perTouchpoint || file.periodColumn() == null) {
            return Optional.empty();
        }
        InputTally tally = new InputTally(file, file.header(), period, zone);
        return tally.slots.isEmpty() ? Optional.empty() : Optional.of(tally);
    }

    ZoneId zone() {
        return zone;
    }

    /** Counts one accepted row: its typed values in the contract's column order (as {@link RowValidator} gives them). */
    void add(Object[] values) {
        long[] row = counts.computeIfAbsent((String) values[touchpointIndex], t -> new long[width]);
        row[0]++;
        for (Slot slot : slots) {
            Object value = values[slot.index()];
            if (value != null) {
                row[slot.offset() + position(slot, value)]++;
            }
        }
    }

    private int position(Slot slot, Object value) {
        if (slot.type() instanceof FieldType.Score score) {
            return (Integer) value - score.min();
        }
        if (slot.type() instanceof FieldType.Flag) {
            return (Boolean) value ? 1 : 0;
        }
        long day = ((OffsetDateTime) value).atZoneSameInstant(zone).toLocalDate().toEpochDay() - firstDay.toEpochDay();
        if (day < 0 || day >= slot.size()) {
            throw new IllegalStateException(slot.name() + " " + value + " lies outside the quarter in " + zone);
        }
        return (int) day;
    }

    /** Touchpoint id → its counts, keyed by column and value text as {@link ValueTally} reads them. */
    Map<String, ValueTally> tallies() {
        Map<String, ValueTally> tallies = new HashMap<>();
        counts.forEach((touchpoint, row) -> {
            ValueTally tally = new ValueTally();
            tally.add(null, null, row[0]);
            for (Slot slot : slots) {
                for (int i = 0; i < slot.size(); i++) {
                    long count = row[slot.offset() + i];
                    if (count > 0) {
                        tally.add(columnName(slot), valueText(slot, i), count);
                    }
                }
            }
            tallies.put(touchpoint, tally);
        });
        return tallies;
    }

    private static String columnName(Slot slot) {
        return slot.type() instanceof FieldType.Timestamp ? ValueTally.dayColumn(slot.name()) : slot.name();
    }

    private String valueText(Slot slot, int position) {
        if (slot.type() instanceof FieldType.Score score) {
            return Integer.toString(score.min() + position);
        }
        if (slot.type() instanceof FieldType.Flag) {
            return position == 1 ? "true" : "false";
        }
        return firstDay.plusDays(position).toString();
    }
}
