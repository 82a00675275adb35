package org.promiseledger.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter such as {@code 2026-Q3}: the unit every run, metric and payout belongs to. */
public record Period(int year, int quarter) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
    }

    public static Period parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a period; write a quarter like 2026-Q3");
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The quarter's last calendar day. */
    public LocalDate lastDay() {
        return next().firstDay().minusDays(1);
    }

    /** Calendar days in the quarter: 90, 91 or 92. */
    public int days() {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(firstDay(), next().firstDay());
    }

    public Period next() {
        return quarter == 4 ? new Period(year + 1, 1) : new Period(year, quarter + 1);
    }

    public Period previous() {
        return quarter == 1 ? new Period(year - 1, 4) : new Period(year, quarter - 1);
    }

    /** True when the instant, seen in the company's zone, lies in [first day 00:00, next quarter's first day 00:00). */
    public boolean contains(OffsetDateTime timestamp, ZoneId companyZone) {
        Instant at = timestamp.toInstant();
        Instant start = firstDay().atStartOfDay(companyZone).toInstant();
        Instant end = next().firstDay().atStartOfDay(companyZone).toInstant();
        return !at.isBefore(start) && at.isBefore(end);
    }

    @Override
    public int compareTo(Period other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
