package org.promiseledger.metrics;

import java.util.Map;
import java.util.TreeMap;

/** The raw counts behind one scope's metrics, as the database aggregated them. */
final class ScopeCounts {
    long npsAnswers;
    long promoters;
    long detractors;
    long csatAnswers;
    long satisfied;
    long effortAnswers;
    long effortSum;
    long contacts;
    long resolved;
    long upheldComplaints;
    long customersTouched;
    long churned;
    long touchedOrChurned;
    long internalAnswers;
    long internalScoreSum;
    /** Per channel: {csat answers, satisfied answers}. */
    final Map<String, long[]> channelCsat = new TreeMap<>();
}
