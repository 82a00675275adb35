package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.promiseledger.demo.internal.OrgChart.Channel;

/**
 * The reference workload's 1,000 touchpoints (T0001..T1000) over all seven channels, five or six for each of the 170
 * customer-facing departments, numbered department by department; 50 of them (5 %) are moments of truth. Each has
 * a traffic weight (a few are flagship touchpoints with four times the traffic), a latent experience quality that
 * depends a little on its channel (so CONSISTENCY is below 100), and a first-contact resolution rate. Ten moments of
 * truth go badly, so the moment-of-truth guard has departments to cap.
 */
public final class ReferenceTouchpoints {

    static final int COUNT = 1_000;
    static final int MOMENTS_OF_TRUTH = 50;
    private static final int STRUGGLING_MOMENTS = 10;

    private static final List<String> TOPICS = List.of("Account opening", "Card replacement", "Lost card", "Payments",
            "Mortgage advice", "Loan application", "Savings", "Fraud alert", "Address change", "Overdraft",
            "Investment advice", "Insurance claim", "Statement request", "Direct debit", "Onboarding", "Password reset",
            "Foreign exchange", "Pension advice", "Business account", "Card terminal", "Complaint callback",
            "Billing query", "Credit limit", "Appointment booking", "Account closure");

    private final int[] facingDepartments;
    private final int[] firstOf;
    private final int[] countOf;
    private final int[] ownerFacing = new int[COUNT];
    private final Channel[] channels = new Channel[COUNT];
    private final String[] names = new String[COUNT];
    private final boolean[] momentOfTruth = new boolean[COUNT];
    private final double[] quality = new double[COUNT];
    private final double[] firstContactResolution = new double[COUNT];
    private final double[] cumulativeTraffic = new double[COUNT];
    /** Where leavers were last seen: busy touchpoints with a poor experience. */
    private final double[] churnWeight = new double[COUNT];

    public ReferenceTouchpoints(ReferenceOrg org, SplittableRandom random) {
        facingDepartments = IntStream.range(0, ReferenceOrg.DEPARTMENTS)
                .filter(d -> !org.isBackOffice(d)).toArray();
        int facing = facingDepartments.length;
        firstOf = new int[facing];
        countOf = new int[facing];
        int extra = COUNT - facing * (COUNT / facing);
        int next = 0;
        for (int f = 0; f < facing; f++) {
            // The later (team) departments take the touchpoints left over from an even split.
            countOf[f] = COUNT / facing + (f >= facing - extra ? 1 : 0);
            firstOf[f] = next;
            Channel primary = Channel.values()[f % Channel.values().length];
            for (int t = next; t < next + countOf[f]; t++) {
                ownerFacing[t] = f;
                channels[t] = random.nextBoolean() ? primary : Channel.values()[random.nextInt(Channel.values().length)];
                names[t] = TOPICS.get(random.nextInt(TOPICS.size())) + " " + channelWords(channels[t]);
            }
            next += countOf[f];
        }
        boolean[] struggling = chooseMomentsOfTruth(random);
        double traffic = 0;
        for (int t = 0; t < COUNT; t++) {
            quality[t] = struggling[t] ? -0.45 + 0.1 * StandardNormal.draw(random)
                    : 0.55 + channelBias(channels[t]) + 0.3 * StandardNormal.draw(random);
            firstContactResolution[t] = Math.max(0.35, Math.min(0.95,
                    0.68 + 0.15 * (quality[t] - 0.55) + 0.06 * StandardNormal.draw(random)));
            double weight = (0.25 + 1.75 * random.nextDouble()) * (random.nextInt(20) == 0 ? 4 : 1);
            traffic += weight;
            cumulativeTraffic[t] = traffic;
            // StrictMath: Math.exp may differ in the last bit between JVMs, and then so would a weighted pick.
            churnWeight[t] = weight * StrictMath.exp(-2 * quality[t]);
        }
    }

    static String id(int touchpoint) {
        return String.format(Locale.ROOT, "T%04d", touchpoint + 1);
    }

    /** The customer-facing departments (department indexes), the homes of customers. */
    public int[] facingDepartments() {
        return facingDepartments;
    }

    /** Index into {@link #facingDepartments()} of the touchpoint's owner. */
    int ownerFacing(int touchpoint) {
        return ownerFacing[touchpoint];
    }

    double quality(int touchpoint) {
        return quality[touchpoint];
    }

    double firstContactResolution(int touchpoint) {
        return firstContactResolution[touchpoint];
    }

    /** A touchpoint drawn in proportion to its traffic. */
    int pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulativeTraffic[COUNT - 1];
        int at = Arrays.binarySearch(cumulativeTraffic, x);
        return Math.min(COUNT - 1, at >= 0 ? at + 1 : -at - 1);
    }

    /** Where a leaver whose home is the facing department was last seen. */
    int lastSeen(int facing, SplittableRandom random) {
        int first = firstOf[facing];
        double total = 0;
        for (int t = first; t < first + countOf[facing]; t++) {
            total += churnWeight[t];
        }
        double x = random.nextDouble() * total;
        for (int t = first; t < first + countOf[facing] - 1; t++) {
            x -= churnWeight[t];
            if (x < 0) {
                return t;
            }
        }
        return first + countOf[facing] - 1;
    }

    /** touchpoints.csv: touchpoint_id, name, channel, owner_department_id, moment_of_truth. */
    public long write(Path file) throws IOException {
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.TOUCHPOINTS.header())) {
            for (int t = 0; t < COUNT; t++) {
                out.begin().text(id(t)).text(names[t]).text(channels[t].name())
                        .text(ReferenceOrg.departmentId(facingDepartments[ownerFacing[t]])).flag(momentOfTruth[t]).end();
            }
            return out.rows();
        }
    }

    /** Fifty touchpoints drawn without replacement; the first ten drawn are the ones that go badly. */
    private boolean[] chooseMomentsOfTruth(SplittableRandom random) {
        boolean[] struggling = new boolean[COUNT];
        int[] order = IntStream.range(0, COUNT).toArray();
        for (int i = 0; i < MOMENTS_OF_TRUTH; i++) {
            int j = i + random.nextInt(COUNT - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            momentOfTruth[order[i]] = true;
            struggling[order[i]] = i < STRUGGLING_MOMENTS;
        }
        return struggling;
    }

    /** Branch and field visits feel better than e-mail and phone queues: the company's CONSISTENCY gap. */
    private static double channelBias(Channel channel) {
        return switch (channel) {
            case BRANCH -> 0.15;
            case FIELD, APP -> 0.10;
            case WEB -> 0.05;
            case CHAT -> 0.0;
            case PHONE -> -0.10;
            case EMAIL -> -0.20;
        };
    }

    private static String channelWords(Channel channel) {
        return switch (channel) {
            case PHONE -> "by phone";
            case BRANCH -> "in branch";
            case WEB -> "online";
            case APP -> "in the app";
            case EMAIL -> "by e-mail";
            case CHAT -> "by chat";
            case FIELD -> "on site";
        };
    }
}
