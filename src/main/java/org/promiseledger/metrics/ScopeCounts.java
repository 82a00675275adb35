package org.promiseledger.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw counts behind one scope's metrics (or one touchpoint's, before the roll-up): one long per {@link Counter},
 * plus the CSAT answers and satisfied answers per channel that CONSISTENCY needs.
 */
public final class ScopeCounts {

    private static final Counter[] COUNTERS = Counter.values();

    private final long[] values = new long[COUNTERS.length];
    /** Per channel: {csat answers, satisfied answers}. */
    private final Map<String, long[]> channelCsat = new TreeMap<>();

    public long get(Counter counter) {
        return values[counter.ordinal()];
    }

    void set(Counter counter, long value) {
        values[counter.ordinal()] = value;
    }

    void increment(Counter counter) {
        values[counter.ordinal()]++;
    }

    /** Adds every counter of the given roll-up kind of {@code other} to this one. */
    void addAll(ScopeCounts other, Counter.RollUp rollUp) {
        for (Counter counter : COUNTERS) {
            if (counter.rollUp() == rollUp) {
                values[counter.ordinal()] += other.values[counter.ordinal()];
            }
        }
    }

    /** Adds one channel's CSAT answers and satisfied answers. */
    void addChannel(String channel, long csatAnswers, long satisfied) {
        long[] counts = channelCsat.computeIfAbsent(channel, k -> new long[2]);
        counts[0] += csatAnswers;
        counts[1] += satisfied;
    }

    /** By channel: {csat answers, satisfied answers}, channels in their natural order. */
    public Map<String, long[]> channelCsat() {
        return Collections.unmodifiableMap(channelCsat);
    }

    /** Answers with nps 7–8: in the NPS denominator only. */
    public long passives() {
        return get(Counter.NPS_ANSWERS) - get(Counter.PROMOTERS) - get(Counter.DETRACTORS);
    }
}
