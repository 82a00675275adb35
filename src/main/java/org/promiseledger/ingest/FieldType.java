package org.promiseledger.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.promiseledger.ingest.internal.CommonTimestamp;

/** How one CSV field is parsed and range-checked; a fault is reported as the reason the whole row is refused. */
sealed interface FieldType {

    int MAX_ID_LENGTH = 100;
    int MAX_TEXT_LENGTH = 255;

    /**
     * Why a text is too long. Lengths are counted as every database here counts them, in UTF-16 units: a character
     * beyond U+FFFF (an emoji, some CJK) takes two, which the message says when that is what pushed it over.
     */
    static String longerThan(int limit, String text) {
        return "longer than " + limit + " characters" + (text.codePointCount(0, text.length()) <= limit
                ? " (a character beyond U+FFFF, such as an emoji, counts as two)" : "");
    }

    /** Returns the parsed value of a non-empty, trimmed field, or throws the fault. */
    Object parse(String text) throws FieldFault;

    record Id() implements FieldType {
        public Object parse(String text) throws FieldFault {
            if (text.length() > MAX_ID_LENGTH) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, longerThan(MAX_ID_LENGTH, text));
            }
            return text;
        }
    }

    record Text() implements FieldType {
        public Object parse(String text) throws FieldFault {
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, longerThan(MAX_TEXT_LENGTH, text));
            }
            return text;
        }
    }

    /**
     * A plain decimal. Every one fits its staging column (15 digits before the point, 8 after); {@code max}, when
     * set, bounds it further so that what it pays fits the ledger too (base_salary, target_bonus_pct).
     */
    record Decimal(boolean negativeAllowed, BigDecimal max) implements FieldType {
        private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

        Decimal(boolean negativeAllowed) {
            this(negativeAllowed, null);
        }

        public Object parse(String text) throws FieldFault {
            if (!PLAIN.matcher(text).matches()) {
                throw new FieldFault(RejectReason.UNPARSEABLE, "not a decimal number");
            }
            BigDecimal value = new BigDecimal(text);
            if (!negativeAllowed && value.signum() < 0) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "must not be negative");
            }
            if (value.precision() - value.scale() > 15 || value.scale() > 8) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "more digits than the ledger keeps (15 before, 8 after the point)");
            }
            if (max != null && value.compareTo(max) > 0) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "must be at most " + max.toPlainString());
            }
            return value;
        }
    }

    record Score(int min, int max) implements FieldType {

        public Object parse(String text) throws FieldFault {
            if (!isWholeNumber(text)) {
                throw new FieldFault(RejectReason.UNPARSEABLE, "not a whole number");
            }
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "must be " + min + ".." + max);
            }
            return value;
        }

        /**
         * An optional sign and 1 to 9 ASCII digits (so it fits an int): checked by hand, not by a regular expression,
         * since every survey row has three scores and a matcher per score was a tenth of the validation time.
         */
        static boolean isWholeNumber(String text) {
            int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
            int digits = text.length() - start;
            if (digits < 1 || digits > 9) {
                return false;
            }
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    record Flag() implements FieldType {
        public Object parse(String text) throws FieldFault {
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new FieldFault(RejectReason.UNPARSEABLE, "not true/false");
        }
    }

    /** ISO-8601 with an offset; a local time is refused because its instant, and so its period, is unknown. */
    record Timestamp() implements FieldType {
        public Object parse(String text) throws FieldFault {
            OffsetDateTime common = CommonTimestamp.parse(text);
            if (common != null) {
                return common;
            }
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw new FieldFault(RejectReason.UNPARSEABLE, "not an ISO-8601 timestamp with offset");
            }
        }
    }

    /** An ISO calendar date (2026-08-15) in the company calendar; years 1000..9999, as every database stores them. */
    record Date() implements FieldType {
        public Object parse(String text) throws FieldFault {
            LocalDate date;
            try {
                date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw new FieldFault(RejectReason.UNPARSEABLE, "not an ISO date like 2026-08-15");
            }
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "year must be 1000..9999");
            }
            return date;
        }
    }

    record Choice(Set<String> allowed) implements FieldType {
        public Object parse(String text) throws FieldFault {
            if (!allowed.contains(text)) {
                throw new FieldFault(RejectReason.OUT_OF_RANGE, "must be one of " + allowed.stream().sorted().toList());
            }
            return text;
        }
    }

    /** A field-level fault: the reason code and a short explanation for the reject listing. */
    final class FieldFault extends Exception {
        private final RejectReason reason;

        FieldFault(RejectReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        RejectReason reason() {
            return reason;
        }
    }
}
