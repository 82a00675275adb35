package org.promiseledger.demo.internal;

import java.util.List;

/**
 * What happens at one touchpoint in a quarter: how many surveys, contacts and complaints it sees at the
 * oldest quarter, how good the experience is (a latent score, ~0.6 = the company average) and how often a
 * contact is resolved first time. {@code improvement} is added to the quality every quarter: the weakest
 * touchpoints improve fastest, which is what makes the demo's CONSISTENCY rise too.
 */
public record TouchpointTraffic(String touchpointId, int surveys, int contacts, int complaints, double quality,
        double improvement, double firstContactResolution) {

    double quality(Quarter quarter) {
        return quality + improvement * quarter.index();
    }

    double firstContactResolution(Quarter quarter) {
        return Math.min(0.95, firstContactResolution + 0.03 * quarter.index());
    }

    public static final List<TouchpointTraffic> ALL = List.of(
            new TouchpointTraffic("T01", 1500, 1500, 70, 0.80, 0.06, 0.78),
            new TouchpointTraffic("T02", 400, 300, 45, 0.85, 0.06, 0.74),
            new TouchpointTraffic("T03", 700, 500, 30, 0.80, 0.06, 0.80),
            new TouchpointTraffic("T04", 2200, 3200, 150, 0.45, 0.12, 0.64),
            // The lost-card line is the moment of truth that goes wrong: its CSAT starts below the company
            // threshold and only recovers in the newer quarters, so the guard fires in the older ones.
            new TouchpointTraffic("T05", 700, 900, 60, -0.25, 0.35, 0.70),
            new TouchpointTraffic("T06", 1200, 1500, 55, 0.55, 0.10, 0.71),
            new TouchpointTraffic("T07", 800, 900, 45, 0.35, 0.14, 0.58),
            new TouchpointTraffic("T08", 1800, 500, 70, 0.65, 0.08, 0.62),
            new TouchpointTraffic("T09", 2000, 600, 75, 0.75, 0.06, 0.64),
            new TouchpointTraffic("T10", 500, 200, 35, 0.55, 0.10, 0.60),
            new TouchpointTraffic("T11", 600, 200, 25, 0.65, 0.08, 0.66),
            new TouchpointTraffic("T12", 700, 600, 25, 0.50, 0.12, 0.68),
            new TouchpointTraffic("T13", 450, 400, 20, 0.80, 0.06, 0.80),
            new TouchpointTraffic("T14", 150, 100, 12, 0.95, 0.04, 0.75),
            new TouchpointTraffic("T15", 300, 300, 15, 0.45, 0.12, 0.64),
            new TouchpointTraffic("T16", 250, 150, 10, 1.00, 0.04, 0.82),
            new TouchpointTraffic("T17", 200, 200, 15, 0.85, 0.05, 0.76),
            new TouchpointTraffic("T18", 300, 300, 25, 0.35, 0.14, 0.62),
            new TouchpointTraffic("T19", 200, 100, 15, 0.25, 0.14, 0.58),
            // Marketing's touchpoints are deliberately quiet: fewer than 30 survey answers and contacts a
            // quarter, so its NPS, CSAT, CES and FCR are INSUFFICIENT and fall back to the company's.
            new TouchpointTraffic("T20", 14, 10, 2, 0.50, 0.10, 0.70),
            new TouchpointTraffic("T21", 10, 6, 1, 0.55, 0.10, 0.70));
}
