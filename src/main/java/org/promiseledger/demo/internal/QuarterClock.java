package org.promiseledger.demo.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

import org.promiseledger.demo.internal.OrgChart.Channel;

/** Picks believable moments inside a quarter and writes them the way the source systems do. */
final class QuarterClock {

    /** Seconds always printed: ISO_OFFSET_DATE_TIME would drop ":00" seconds and vary the shape of the column. */
    private static final DateTimeFormatter WITH_OFFSET =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    /** Some feeds (the branch and field systems) stamp Central European summer time, the rest UTC. */
    private static final ZoneOffset CENTRAL_EUROPE = ZoneOffset.ofHours(2);

    private final Quarter quarter;
    private final Random random;

    QuarterClock(Quarter quarter, Random random) {
        this.quarter = quarter;
        this.random = random;
    }

    /** A moment during the channel's opening hours on a random day of the quarter. */
    Instant during(Channel channel) {
        int day = random.nextInt(quarter.days());
        int opens = switch (channel) {
            case BRANCH -> 9;
            case FIELD -> 8;
            case PHONE -> 7;
            case CHAT, EMAIL -> 6;
            case WEB, APP -> 0;
        };
        int closes = switch (channel) {
            case BRANCH, FIELD -> 17;
            case PHONE -> 21;
            case CHAT, EMAIL -> 22;
            case WEB, APP -> 24;
        };
        // On the first and last day keep clear of midnight, so that a company zone a few hours off UTC
        // still puts every ordinary row inside the quarter; only the deliberate out-of-period rows leave it.
        if (day == 0 || day == quarter.days() - 1) {
            opens = Math.max(opens, 6);
            closes = Math.min(closes, 18);
        }
        return at(day, opens, closes);
    }

    /** A moment during office hours, for the internal feedback tool. */
    Instant officeHours() {
        return at(random.nextInt(quarter.days()), 8, 18);
    }

    private Instant at(int day, int opens, int closes) {
        long second = opens * 3600L + random.nextInt((closes - opens) * 3600);
        return quarter.startInstant().plus(day, ChronoUnit.DAYS).plusSeconds(second);
    }

    /** The same instant, written with a `Z` or a `+02:00` offset as the originating system would. */
    String stamp(Instant instant) {
        ZoneOffset offset = random.nextInt(100) < 35 ? CENTRAL_EUROPE : ZoneOffset.UTC;
        return WITH_OFFSET.format(instant.atOffset(offset));
    }

    static String stamp(Instant instant, ZoneOffset offset) {
        return WITH_OFFSET.format(instant.atOffset(offset));
    }
}
