package org.promiseledger.demo.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.promiseledger.demo.internal.OrgChart.Touchpoint;

/**
 * The quarter's customers: those active at its start, those who joined, and those who left (churn.csv) with the
 * touchpoint they were last seen at. Fewer leave as the quarters improve, which lifts company RETENTION.
 *
 * <p>Each customer has a home department, the part of the bank they mostly deal with (retail customers their
 * branch, the phone line or the app; business customers their relationship manager and field service). Without
 * homes every department would touch nearly every customer, and department complaint rates and retention would
 * all sit far better than the company's and hit the cap.
 */
public final class CustomerBase {

    private static final int ACTIVE_AT_START = 7_620;
    /** New customers who left again within the same quarter: they lower retention without being in the base. */
    private static final int QUICK_LEAVERS = 4;
    /** Customers who closed two products and appear twice in churn.csv (allowed; counted once). */
    private static final int REPEATED_CHURN_ROWS = 2;
    /** Home department shares in percent; Complaints Handling and Marketing serve anyone. */
    private static final Map<String, Integer> HOME_SHARES = homeShares();
    /** How often a customer turns to their home department rather than anyone else. */
    private static final double LOYALTY = 0.95;

    private final int customers;
    private final Map<String, List<Integer>> homes;
    private final List<List<String>> customerRows;
    private final List<List<String>> churnRows;

    private CustomerBase(int customers, Map<String, List<Integer>> homes, List<List<String>> customerRows,
            List<List<String>> churnRows) {
        this.customers = customers;
        this.homes = homes;
        this.customerRows = customerRows;
        this.churnRows = churnRows;
    }

    /**
     * Picks who joins and who leaves. A leaver's last touchpoint is mostly one of their home department's, drawn
     * in proportion to its contacts and inversely to its quality, so churn gathers where the experience is poor
     * (the lost-card line early on).
     */
    public static CustomerBase of(Quarter quarter, List<Touchpoint> touchpoints, Map<String, TouchpointTraffic> traffic,
            Random random) {
        int acquired = 380 + 15 * quarter.index() + random.nextInt(11);
        int leavers = 330 - 25 * quarter.index() + random.nextInt(11);
        int total = ACTIVE_AT_START + acquired;

        String[] homeOf = new String[total + 1];
        Map<String, List<Integer>> homes = new LinkedHashMap<>();
        HOME_SHARES.keySet().forEach(department -> homes.put(department, new ArrayList<>()));
        for (int customer = 1; customer <= total; customer++) {
            int roll = random.nextInt(100);
            for (Map.Entry<String, Integer> share : HOME_SHARES.entrySet()) {
                roll -= share.getValue();
                if (roll < 0) {
                    homeOf[customer] = share.getKey();
                    homes.get(share.getKey()).add(customer);
                    break;
                }
            }
        }

        boolean[] left = new boolean[total + 1];
        List<Integer> leaving = new ArrayList<>();
        while (leaving.size() < leavers) {
            int customer = 1 + random.nextInt(ACTIVE_AT_START);
            if (!left[customer]) {
                left[customer] = true;
                leaving.add(customer);
            }
        }
        for (int i = 0; i < QUICK_LEAVERS; i++) {
            int customer = ACTIVE_AT_START + 1 + i * (acquired / QUICK_LEAVERS);
            left[customer] = true;
            leaving.add(customer);
        }
        for (int i = 0; i < REPEATED_CHURN_ROWS; i++) {
            leaving.add(leaving.get(random.nextInt(leavers)));
        }

        QuarterClock clock = new QuarterClock(quarter, random);
        record Leaving(Instant at, List<String> row) {}
        List<Leaving> churn = new ArrayList<>();
        for (int customer : leaving) {
            String home = random.nextDouble() < LOYALTY ? homeOf[customer] : null;
            Touchpoint last = touchpoints.get(pick(churnWeights(quarter, touchpoints, traffic, home), random));
            Instant at = clock.during(last.channel());
            churn.add(new Leaving(at, List.of(customerId(customer), clock.stamp(at), last.id())));
        }
        // Churn arrives from the CRM in the order customers left.
        churn.sort(Comparator.comparing(Leaving::at));

        List<List<String>> customerRows = new ArrayList<>(total);
        for (int customer = 1; customer <= total; customer++) {
            boolean newcomer = customer > ACTIVE_AT_START;
            customerRows.add(List.of(customerId(customer), Boolean.toString(!newcomer), Boolean.toString(!left[customer]),
                    Boolean.toString(newcomer)));
        }
        return new CustomerBase(total, homes, customerRows, churn.stream().map(Leaving::row).toList());
    }

    /** The customer behind a survey, contact or complaint at a touchpoint of the given department. */
    String customerOf(String departmentId, Random random) {
        List<Integer> home = homes.get(departmentId);
        if (home == null || home.isEmpty() || random.nextDouble() >= LOYALTY) {
            return customerId(1 + random.nextInt(customers));
        }
        return customerId(home.get(random.nextInt(home.size())));
    }

    public List<List<String>> customerRows() {
        return customerRows;
    }

    public List<List<String>> churnRows() {
        return churnRows;
    }

    /** Index drawn with probability proportional to its weight. */
    static int pick(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Touchpoints of the home department (all of them when home is null), weighted by contacts and poor quality. */
    private static double[] churnWeights(Quarter quarter, List<Touchpoint> touchpoints,
            Map<String, TouchpointTraffic> traffic, String home) {
        // StrictMath: Math.exp may differ in the last bit between JVMs, and then so would a weighted pick.
        return touchpoints.stream()
                .mapToDouble(t -> home != null && !home.equals(t.ownerDepartmentId()) ? 0
                        : traffic.get(t.id()).contacts() * StrictMath.exp(-2 * traffic.get(t.id()).quality(quarter)))
                .toArray();
    }

    private static Map<String, Integer> homeShares() {
        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("D03", 30);
        shares.put("D04", 30);
        shares.put("D05", 30);
        shares.put("D07", 6);
        shares.put("D08", 4);
        return shares;
    }

    private static String customerId(int number) {
        return String.format(Locale.ROOT, "C%05d", number);
    }
}
