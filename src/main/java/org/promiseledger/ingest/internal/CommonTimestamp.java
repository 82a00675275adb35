package org.promiseledger.ingest.internal;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one timestamp shape nearly every row has — {@code 2026-07-01T06:00:01Z}, with optional
 * fraction and a {@code ±HH:MM} offset — read digit by digit. The general ISO-8601 parser spent more time on each
 * row than all other checks together. Anything else, valid or not, returns null and goes to that parser, which
 * stays the judge of what is accepted; a value read here is the very value it would have produced. Public for
 * {@code FieldType} in {@code org.promiseledger.ingest}.
 */
public final class CommonTimestamp {

    private CommonTimestamp() {
    }

    /** The timestamp, or null when the text is not in the common shape or names no real instant. */
    public static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + text.charAt(at) - '0';
                at++;
            }
            if (at == start || at < length && isDigit(text.charAt(at))) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-') && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = text.charAt(at) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null; // e.g. 31 June: the general parser refuses it with the usual message
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
