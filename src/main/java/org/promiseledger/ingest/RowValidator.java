package org.promiseledger.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.period.Period;

/**
 * Applies docs/data-contract.md's checks to one record, in its fixed order: each field left to right (missing, unparseable,
 * out of range), then references, then the duplicate check, then the period. Only a row that reaches the
 * duplicate check claims its id. A single-column id whose fingerprint was claimed before comes back as a
 * {@link RowOutcome.Suspect}; {@link #settle} finishes it once the caller knows whether it is a real duplicate.
 */
final class RowValidator {

    private final InputFile file;
    private final List<Column> columns;
    private final int[] positions;
    private final int recordSize;
    private final Map<InputFile, Set<String>> knownIds;
    private final java.util.function.Function<InputFile, ListedIds> listedIds;
    private final Period period;
    private final ZoneId zone;
    private final Set<String> claimedCompositeKeys = new HashSet<>();
    private final ClaimedIds claimedIds = new ClaimedIds();
    private final int[] keyColumns;
    private final int periodColumn;
    private final EmploymentHistory history;

    RowValidator(InputFile file, List<String> fileHeader, Map<InputFile, Set<String>> knownIds, Period period, ZoneId zone) {
        this(file, fileHeader, knownIds, target -> null, period, zone);
    }

    /**
     * @param knownIds  per referenced file, the ids a reference may name
     * @param listedIds per referenced file, every id it lists (or null, unknown), asked only for a reference that
     *                  failed: one to a listed id is told apart (outside the quarter, rejected there) from an id the
     *                  file does not have
     */
    RowValidator(InputFile file, List<String> fileHeader, Map<InputFile, Set<String>> knownIds,
            java.util.function.Function<InputFile, ListedIds> listedIds, Period period, ZoneId zone) {
        this.file = file;
        this.listedIds = listedIds;
        this.columns = file.columns();
        this.recordSize = fileHeader.size();
        this.positions = columns.stream().mapToInt(c -> fileHeader.indexOf(c.name())).toArray();
        this.knownIds = knownIds;
        this.period = period;
        this.zone = zone;
        List<String> names = file.header();
        this.keyColumns = file.uniqueKey().stream().mapToInt(names::indexOf).toArray();
        this.periodColumn = file.periodColumn() == null ? -1 : names.indexOf(file.periodColumn());
        this.history = file == InputFile.EMPLOYEES ? new EmploymentHistory(period) : null;
    }

    RowOutcome validate(CSVRecord record, long line) {
        if (record.size() != recordSize) {
            return new RowOutcome.Rejected(line, "", RejectReason.UNPARSEABLE, abbreviate(String.join(",", record.toList())),
                    "record has " + record.size() + " fields, header has " + recordSize);
        }
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String text = textOf(record, i);
            if (text.isEmpty()) {
                if (column.required() || allScoresEmpty(record, i)) {
                    return new RowOutcome.Rejected(line, column.name(), RejectReason.MISSING_VALUE, "", "value required");
                }
                continue;
            }
            try {
                values[i] = column.type().parse(text);
            } catch (FieldType.FieldFault fault) {
                return new RowOutcome.Rejected(line, column.name(), fault.reason(), abbreviate(text), fault.getMessage());
            }
            RowOutcome.Rejected crossFieldFault = crossFieldFault(line, i, values, text);
            if (crossFieldFault != null) {
                return crossFieldFault;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.references() != null && values[i] != null && !isKnown(column, (String) values[i])) {
                return new RowOutcome.Rejected(line, column.name(), RejectReason.UNKNOWN_REFERENCE, abbreviate((String) values[i]),
                        whyUnknown(column.references(), (String) values[i]));
            }
        }
        if (history != null) {
            int from = columns.size() - 2;
            return history.check(line, values, (String) values[0], (LocalDate) values[from], (LocalDate) values[from + 1],
                    textOf(record, from), textOf(record, from + 1));
        }
        String periodText = periodColumn >= 0 ? record.get(positions[periodColumn]).trim() : null;
        if (keyColumns.length == 1) {
            String id = (String) values[keyColumns[0]];
            if (!claimedIds.claim(id)) {
                return new RowOutcome.Suspect(line, values, id, periodText);
            }
        } else if (keyColumns.length > 1) {
            String key = key(values);
            if (!claimedCompositeKeys.add(key)) {
                return duplicate(line, key);
            }
        }
        return periodChecked(line, values, periodText);
    }

    /** Finishes a suspect: a duplicate is rejected, anything else goes on to the period check like any row. */
    RowOutcome settle(RowOutcome.Suspect suspect, boolean duplicate) {
        return duplicate ? duplicate(suspect.line(), suspect.id()) : periodChecked(suspect.line(), suspect.values(), suspect.periodText());
    }

    private RowOutcome.Rejected duplicate(long line, String key) {
        String column = columns.get(keyColumns[keyColumns.length - 1]).name();
        return new RowOutcome.Rejected(line, column, RejectReason.DUPLICATE_ID, abbreviate(key), "already seen earlier in the file");
    }

    private RowOutcome periodChecked(long line, Object[] values, String periodText) {
        if (periodColumn >= 0 && !period.contains((OffsetDateTime) values[periodColumn], zone)) {
            return new RowOutcome.Rejected(line, columns.get(periodColumn).name(), RejectReason.OUT_OF_PERIOD, periodText,
                    "outside " + period + " in zone " + zone);
        }
        return new RowOutcome.Accepted(line, values);
    }

    /** A column the header may lack (employees' dates) reads as empty on every row. */
    private String textOf(CSVRecord record, int index) {
        return positions[index] < 0 ? "" : record.get(positions[index]).trim();
    }

    /** A survey must answer at least one of its three questions; an empty nps with nothing else is the missing value. */
    private boolean allScoresEmpty(CSVRecord record, int index) {
        if (file != InputFile.SURVEYS || !columns.get(index).name().equals("nps")) {
            return false;
        }
        for (int i = index; i < columns.size(); i++) {
            if (!textOf(record, i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Checks that need an earlier field of the same row; they are range faults of the later field. */
    private RowOutcome.Rejected crossFieldFault(long line, int index, Object[] values, String text) {
        String name = columns.get(index).name();
        if (file == InputFile.INTERNAL_SURVEYS && name.equals("respondent_department_id") && text.equals(values[1])) {
            return new RowOutcome.Rejected(line, name, RejectReason.OUT_OF_RANGE, abbreviate(text), "a department cannot rate itself");
        }
        if (file == InputFile.EMPLOYEES && name.equals("valid_to") && values[index - 1] != null
                && ((LocalDate) values[index]).isBefore((LocalDate) values[index - 1])) {
            return new RowOutcome.Rejected(line, name, RejectReason.OUT_OF_RANGE, abbreviate(text), "before valid_from");
        }
        if (file == InputFile.TARGETS && (name.equals("target") || name.equals("stretch"))) {
            boolean higher = MetricCode.valueOf((String) values[0]).higherIsBetter();
            BigDecimal before = (BigDecimal) values[index - 1];
            BigDecimal current = (BigDecimal) values[index];
            int order = current.compareTo(before);
            if (higher ? order <= 0 : order >= 0) {
                String direction = higher ? "above " : "below ";
                return new RowOutcome.Rejected(line, name, RejectReason.OUT_OF_RANGE, abbreviate(text),
                        "must be strictly " + direction + columns.get(index - 1).name() + " for " + values[0]);
            }
        }
        return null;
    }

    private boolean isKnown(Column column, String id) {
        if (file == InputFile.TARGETS && column.name().equals("scope") && id.equals("COMPANY")) {
            return true;
        }
        return knownIds.getOrDefault(column.references(), Set.of()).contains(id);
    }

    /** Why a reference names no usable row: the file lacks the id, or its rows lie outside the quarter, or were rejected. */
    private String whyUnknown(InputFile target, String id) {
        ListedIds listed = listedIds.apply(target);
        if (listed == null || !listed.all().contains(id)) {
            return "not in " + target.fileName();
        }
        if (!listed.inQuarter().contains(id)) {
            return "in " + target.fileName() + ", but none of its rows covers " + period;
        }
        return "in " + target.fileName() + ", but its row there was rejected";
    }

    private String key(Object[] values) {
        if (keyColumns.length == 1) {
            return (String) values[keyColumns[0]];
        }
        StringBuilder key = new StringBuilder();
        for (int k : keyColumns) {
            key.append(key.isEmpty() ? "" : " + ").append(values[k]);
        }
        return key.toString();
    }

    private static String abbreviate(String text) {
        if (text.length() <= 200) {
            return text;
        }
        // never between the two halves of a character beyond U+FFFF: half of one is shown as '?'
        int end = Character.isHighSurrogate(text.charAt(196)) ? 196 : 197;
        return text.substring(0, end) + "...";
    }
}
