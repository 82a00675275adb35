package org.promiseledger.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.promiseledger.demo.internal.OrgChart.Employee;
import org.promiseledger.demo.internal.OrgChart.Role;

/**
 * What the company measures of its own people in a quarter: the internal service surveys departments fill in
 * about each other, and each employee's individual (non-customer) performance.
 */
public final class EmployeeActivity {

    /**
     * Who provides service to other departments, as shares of the internal survey answers. The IT Service Desk,
     * which owns no touchpoint, gets the most: its bonus rests on them. Departments not listed serve nobody inside.
     */
    private static final Map<String, Double> PROVIDER_SHARES = Map.of(
            "D11", 0.45, "D09", 0.12, "D05", 0.10, "D12", 0.08, "D10", 0.08,
            "D03", 0.05, "D04", 0.05, "D07", 0.04, "D08", 0.03);
    private static final String SERVICE_DESK = "D11";

    /** People without a performance review this quarter (joiners, long leave): individual attainment 0, flagged. */
    private static final int UNREVIEWED = 4;

    private final Quarter quarter;
    private final OrgChart org;

    public EmployeeActivity(Quarter quarter, OrgChart org) {
        this.quarter = quarter;
        this.org = org;
    }

    /** response_id, provider_department_id, respondent_department_id, responded_at, score; never self-rated. */
    public List<List<String>> internalSurveys(Random random) {
        List<String> departments = org.departments().stream().map(OrgChart.Department::id).toList();
        double[] providerWeights = departments.stream().mapToDouble(d -> PROVIDER_SHARES.getOrDefault(d, 0.0)).toArray();
        Map<String, Integer> headcount = org.headcount();
        QuarterClock clock = new QuarterClock(quarter, random);
        record Answer(Instant at, String provider, String respondent, int score) {}
        List<Answer> answers = new ArrayList<>();
        int count = 600 + 10 * quarter.index() + random.nextInt(21);
        for (int i = 0; i < count; i++) {
            String provider = departments.get(CustomerBase.pick(providerWeights, random));
            double[] respondentWeights = departments.stream()
                    .mapToDouble(d -> d.equals(provider) ? 0 : headcount.get(d)).toArray();
            String respondent = departments.get(CustomerBase.pick(respondentWeights, random));
            // The service desk starts as the internal sore point and improves fastest.
            double mean = provider.equals(SERVICE_DESK) ? 3.4 + 0.2 * quarter.index() : 3.6 + 0.05 * quarter.index();
            int score = (int) Math.max(1, Math.min(5, Math.round(mean + 0.9 * random.nextGaussian())));
            answers.add(new Answer(clock.officeHours(), provider, respondent, score));
        }
        answers.sort(Comparator.comparing(Answer::at));
        List<List<String>> rows = new ArrayList<>(answers.size());
        for (Answer answer : answers) {
            rows.add(List.of(String.format(Locale.ROOT, "ISR-%s-%06d", quarter.label(), rows.size() + 1),
                    answer.provider(), answer.respondent(), clock.stamp(answer.at()), Integer.toString(answer.score())));
        }
        return rows;
    }

    /** employee_id, sales_attainment_pct, productivity_pct, for everyone except a few unreviewed non-executives. */
    public List<List<String>> performance(Random random) {
        List<Employee> employees = org.employees();
        Set<Integer> unreviewed = new TreeSet<>();
        while (unreviewed.size() < UNREVIEWED) {
            int candidate = random.nextInt(employees.size());
            if (employees.get(candidate).role() != Role.EXECUTIVE) {
                unreviewed.add(candidate);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < employees.size(); i++) {
            double sales = bounded(100 + 15 * random.nextGaussian(), 40, 160);
            double productivity = bounded(100 + 10 * random.nextGaussian(), 50, 140);
            if (!unreviewed.contains(i)) {
                rows.add(List.of(employees.get(i).id(), percent(sales), percent(productivity)));
            }
        }
        return rows;
    }

    private static double bounded(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** new BigDecimal(double) is exact; BigDecimal.valueOf goes through Double.toString, whose digits changed in JDK 19. */
    private static String percent(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
