package org.promiseledger.demo.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Moments inside a quarter for feeds of millions of rows, written as ISO-8601 with offset without a formatter
 * object per row: the same text {@link QuarterClock#stamp(Instant, ZoneOffset)} gives, with seconds always
 * printed and {@code Z} for UTC.
 */
public final class QuarterStamps {

    /**
     * Ordinary rows stay this far from the quarter's edges, so that a company zone up to six hours off UTC still
     * puts every one of them inside the period; only the deliberate out-of-period rows leave it.
     */
    private static final long MARGIN_SECONDS = 6 * 3600;
    private static final int DAY = 86_400;

    private final Quarter quarter;
    private final long start;
    private final long span;
    /** The quarter's dates as "uuuu-MM-dd", from the day before it to the day after it. */
    private final byte[][] dates;
    private final byte[] stamp = new byte[25];

    public QuarterStamps(Quarter quarter) {
        this.quarter = quarter;
        this.start = quarter.startInstant().getEpochSecond();
        this.span = quarter.endInstant().getEpochSecond() - start - 2 * MARGIN_SECONDS;
        this.dates = new byte[quarter.days() + 2][];
        for (int day = -1; day <= quarter.days(); day++) {
            LocalDate date = quarter.start().plusDays(day);
            dates[day + 1] = date.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    Quarter quarter() {
        return quarter;
    }

    /**
     * The i-th of n moments spread evenly over the quarter, each at random within its own slot, so a feed written
     * in row order is in time order, as the source systems export it.
     */
    long spread(long i, long n, SplittableRandom random) {
        return start + MARGIN_SECONDS + (long) ((i + random.nextDouble()) * span / n);
    }

    /** Writes the moment (epoch seconds) as seen at the offset (seconds east of UTC, whole minutes, ±6 h at most). */
    void write(CsvLineWriter out, long epochSecond, int offsetSeconds) {
        long local = epochSecond + offsetSeconds - start;
        int day = (int) Math.floorDiv(local, DAY);
        int second = Math.floorMod(local, DAY);
        System.arraycopy(dates[day + 1], 0, stamp, 0, 10);
        stamp[10] = 'T';
        twoDigits(11, second / 3600);
        stamp[13] = ':';
        twoDigits(14, second / 60 % 60);
        stamp[16] = ':';
        twoDigits(17, second % 60);
        if (offsetSeconds == 0) {
            stamp[19] = 'Z';
            out.ascii(stamp, 20);
            return;
        }
        int minutes = Math.abs(offsetSeconds) / 60;
        stamp[19] = (byte) (offsetSeconds > 0 ? '+' : '-');
        twoDigits(20, minutes / 60);
        stamp[22] = ':';
        twoDigits(23, minutes % 60);
        out.ascii(stamp, 25);
    }

    /** The same text as a String, for the odd row that is built field by field. */
    static String format(long epochSecond, int offsetSeconds) {
        return QuarterClock.stamp(Instant.ofEpochSecond(epochSecond), ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private void twoDigits(int at, int value) {
        stamp[at] = (byte) ('0' + value / 10);
        stamp[at + 1] = (byte) ('0' + value % 10);
    }
}
