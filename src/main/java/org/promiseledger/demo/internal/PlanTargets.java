package org.promiseledger.demo.internal;

import java.util.List;

/**
 * targets.csv: the company's threshold, target and stretch for every metric, set so the oldest quarter lands
 * around half-to-target and the newest a little past target; plus a few departments with their own bar.
 * Lower-is-better metrics (CES, COMPLAINT_RATE) run downwards.
 */
public final class PlanTargets {

    private PlanTargets() {
    }

    public static List<List<String>> rows() {
        return List.of(
                List.of("NPS", "COMPANY", "15", "30", "45"),
                List.of("CSAT", "COMPANY", "68", "76", "84"),
                List.of("CES", "COMPANY", "3.3", "2.9", "2.5"),
                List.of("FCR", "COMPANY", "65", "75", "85"),
                List.of("COMPLAINT_RATE", "COMPANY", "70", "50", "30"),
                List.of("RETENTION", "COMPANY", "95", "96", "97.5"),
                List.of("CONSISTENCY", "COMPANY", "76", "86", "95"),
                List.of("INTERNAL_SERVICE", "COMPANY", "50", "65", "80"),
                // Phone queues resolve less at first contact than branches do: a fairer bar for the contact centre.
                List.of("FCR", "D04", "60", "70", "80"),
                // Digital self-service should be easier than the company average.
                List.of("CES", "D05", "3.1", "2.7", "2.3"),
                // The service desk's bonus rests on internal service alone, so its bar is set higher.
                List.of("INTERNAL_SERVICE", "D11", "55", "70", "85"));
    }
}
