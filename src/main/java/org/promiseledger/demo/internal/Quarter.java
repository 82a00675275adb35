package org.promiseledger.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The calendar quarter being generated and how far along the company's improvement it sits
 * (index 0 = oldest of the four demo quarters, 3 = newest).
 */
public record Quarter(LocalDate start, int index) {

    public static final int NEWEST = 3;

    public Quarter {
        if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % 3 != 0) {
            throw new IllegalArgumentException("a quarter starts on 1 January, April, July or October, not " + start);
        }
        if (index < 0 || index > NEWEST) {
            throw new IllegalArgumentException("quarterIndex must be 0..3, was " + index);
        }
    }

    LocalDate end() {
        return start.plusMonths(3);
    }

    public Instant startInstant() {
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant endInstant() {
        return end().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(start, end());
    }

    /** "2026Q3": part of every event id, so ids never collide between the four quarters. */
    String label() {
        return start.getYear() + "Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }
}
