package org.promiseledger.metrics;

import java.util.Map;

import org.promiseledger.period.Period;

/**
 * The run's accepted customer events counted per touchpoint while ingest validated them (see {@link ValueTally}), so
 * that aggregation and integrity read a few thousand counts instead of grouping millions of staged rows. Ingest owns
 * the staged rows and their tallies and implements this; metrics declares it because ingest already depends on metrics.
 */
public interface EventTallies {

    /** The events files tallied per touchpoint, with the columns aggregation reads. */
    enum Events {
        /** surveys.csv: nps, csat, effort (scores), responded_at (days). */
        SURVEYS,
        /** contacts.csv: first_contact_resolved (flag), opened_at (days). */
        CONTACTS,
        /** complaints.csv: severity (score), upheld (flag), raised_at (days). */
        COMPLAINTS
    }

    /**
     * @return touchpoint id → its tally; touchpoints without accepted rows are absent. Days are in the company zone
     *         the run is configured with now; {@code period} is the run's quarter.
     */
    Map<String, ValueTally> of(long runId, Period period, Events events);
}
