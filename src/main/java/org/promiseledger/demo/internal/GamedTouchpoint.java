package org.promiseledger.demo.internal;

import java.util.Random;

/**
 * The demo's one gamed touchpoint, so that a newcomer sees score integrity at work: in the newest quarter the live
 * chat's agents (T06, Customer service D04) end each chat asking for "a 10, please", and almost half of the customers
 * who would have given something else give a 10. The share of 10s jumps by far more than 15 points against the
 * quarter before, which the run reports as TOP_BOX_SURGE. Only the NPS answer changes: CSAT and effort still tell how
 * the chat went. It draws from its own random stream, so every other row stays as it was.
 */
public final class GamedTouchpoint {

    static final String TOUCHPOINT = "T06";
    static final int QUARTER_INDEX = 3;
    /** Share of the touchpoint's NPS answers that became a 10 because the customer was asked for one. */
    static final double ASKED_FOR_A_TEN = 0.45;
    /** Salt of the random stream (its own, so the other files and rows keep theirs). */
    public static final long STREAM = 0x6A4D_5F10_CAFE_0006L;

    private GamedTouchpoint() {
    }

    public static void plant(Quarter quarter, EventFile surveys, Random random) {
        if (quarter.index() != QUARTER_INDEX) {
            return;
        }
        surveys.changeOrdinary(row -> {
            if (row[2].equals(TOUCHPOINT) && !row[4].isEmpty() && random.nextDouble() < ASKED_FOR_A_TEN) {
                row[4] = "10";
            }
        });
    }
}
