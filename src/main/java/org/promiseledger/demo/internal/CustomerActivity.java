package org.promiseledger.demo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.promiseledger.demo.internal.OrgChart.Touchpoint;

/**
 * What customers did at the touchpoints in one quarter: survey answers, contacts and complaints, ordinary rows
 * only (BadRows adds the faulty ones). Every answer of a survey comes from one latent "how did it go" score, so
 * NPS, CSAT and effort move together, as they do in real feedback.
 */
public final class CustomerActivity {

    /** Feedback grows a little as customers see it acted on; repeat contacts fall as first-time fixes rise. */
    private static final double SURVEY_GROWTH = 0.01;
    private static final double CONTACT_DECLINE = 0.015;
    private static final double COMPLAINT_DECLINE = 0.06;

    private final Quarter quarter;
    private final List<Touchpoint> touchpoints;
    private final Map<String, TouchpointTraffic> traffic;
    private final CustomerBase customers;

    public CustomerActivity(Quarter quarter, List<Touchpoint> touchpoints, Map<String, TouchpointTraffic> traffic,
            CustomerBase customers) {
        this.quarter = quarter;
        this.touchpoints = touchpoints;
        this.traffic = traffic;
        this.customers = customers;
    }

    /** response_id, customer_id, touchpoint_id, responded_at, nps, csat, effort. */
    public EventFile surveys(Random random) {
        QuarterClock clock = new QuarterClock(quarter, random);
        List<Timed> rows = new ArrayList<>();
        for (Touchpoint touchpoint : touchpoints) {
            TouchpointTraffic at = traffic.get(touchpoint.id());
            int count = volume(at.surveys(), 1 + SURVEY_GROWTH * quarter.index(), random);
            for (int i = 0; i < count; i++) {
                Instant when = clock.during(touchpoint.channel());
                double experience = at.quality(quarter) + random.nextGaussian();
                String nps = Integer.toString(clamp(7.0 + 2.0 * experience + 0.6 * random.nextGaussian(), 0, 10));
                String csat = Integer.toString(clamp(3.55 + 0.9 * experience + 0.5 * random.nextGaussian(), 1, 5));
                String effort = Integer.toString(clamp(3.5 - 0.8 * experience + 0.8 * random.nextGaussian(), 1, 7));
                // Customers skip questions (effort most often), but a response with no answer is never sent.
                boolean skipNps = random.nextInt(100) < 6;
                boolean skipCsat = random.nextInt(100) < 10;
                boolean skipEffort = random.nextInt(100) < 30;
                if (skipNps && skipCsat && skipEffort) {
                    skipNps = false;
                }
                rows.add(new Timed(when, new String[] {"", customerAt(touchpoint, random), touchpoint.id(),
                        clock.stamp(when), skipNps ? "" : nps, skipCsat ? "" : csat, skipEffort ? "" : effort}));
            }
        }
        return eventFile("RSP-", rows, random);
    }

    /** contact_id, customer_id, touchpoint_id, opened_at, first_contact_resolved. */
    public EventFile contacts(Random random) {
        QuarterClock clock = new QuarterClock(quarter, random);
        List<Timed> rows = new ArrayList<>();
        for (Touchpoint touchpoint : touchpoints) {
            TouchpointTraffic at = traffic.get(touchpoint.id());
            int count = volume(at.contacts(), 1 - CONTACT_DECLINE * quarter.index(), random);
            for (int i = 0; i < count; i++) {
                Instant when = clock.during(touchpoint.channel());
                boolean resolved = random.nextDouble() < at.firstContactResolution(quarter);
                rows.add(new Timed(when, new String[] {"", customerAt(touchpoint, random), touchpoint.id(),
                        clock.stamp(when), Boolean.toString(resolved)}));
            }
        }
        return eventFile("CON-", rows, random);
    }

    /** complaint_id, customer_id, touchpoint_id, raised_at, severity, upheld. */
    public EventFile complaints(Random random) {
        QuarterClock clock = new QuarterClock(quarter, random);
        List<Timed> rows = new ArrayList<>();
        for (Touchpoint touchpoint : touchpoints) {
            TouchpointTraffic at = traffic.get(touchpoint.id());
            int count = volume(at.complaints(), 1.08 - COMPLAINT_DECLINE * quarter.index(), random);
            for (int i = 0; i < count; i++) {
                Instant when = clock.during(touchpoint.channel());
                int roll = random.nextInt(100);
                int severity = roll < 60 ? 1 : roll < 90 ? 2 : 3;
                // Serious complaints are more often upheld; fewer are upheld as the processes get fixed.
                double upheldShare = 0.52 - 0.05 * quarter.index() + (severity == 3 ? 0.15 : 0);
                boolean upheld = random.nextDouble() < upheldShare;
                rows.add(new Timed(when, new String[] {"", customerAt(touchpoint, random), touchpoint.id(),
                        clock.stamp(when), Integer.toString(severity), Boolean.toString(upheld)}));
            }
        }
        return eventFile("CMP-", rows, random);
    }

    private String customerAt(Touchpoint touchpoint, Random random) {
        return customers.customerOf(touchpoint.ownerDepartmentId(), random);
    }

    private record Timed(Instant at, String[] row) {}

    private EventFile eventFile(String kind, List<Timed> rows, Random random) {
        // Feeds export in time order; List.sort is stable, so rows stamped the same second keep generation order.
        rows.sort(Comparator.comparing(Timed::at));
        return new EventFile(kind + quarter.label() + "-", rows.stream().map(Timed::row).toList(), random);
    }

    /** The touchpoint's volume for this quarter, give or take 3 %, so quarters do not look copy-pasted. */
    private static int volume(int base, double scale, Random random) {
        return (int) Math.round(base * scale * (0.97 + 0.06 * random.nextDouble()));
    }

    private static int clamp(double value, int low, int high) {
        return (int) Math.max(low, Math.min(high, Math.round(value)));
    }
}
