package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * What the reference company measures of its own people: 40,000 internal service survey answers (whatever the
 * workload's size, like the headcount) and the individual performance of 99 % of the 20,000 employees.
 */
public final class ReferenceStaffFeeds {

    static final int INTERNAL_SURVEYS = 40_000;
    /** Most internal answers rate the back office, whose bonus rests on them; the rest spread over everyone else. */
    private static final int BACK_OFFICE_PERCENT = 75;
    /** One employee in a hundred, never an executive, has no review this quarter (joiners, long leave). */
    private static final int UNREVIEWED_EVERY = 100;
    private static final byte[] RESPONSE = "ISR-".getBytes(StandardCharsets.US_ASCII);
    private static final int CENTRAL_EUROPE = 2 * 3600;

    private final ReferenceOrg org;
    private final QuarterStamps stamps;

    public ReferenceStaffFeeds(ReferenceOrg org, QuarterStamps stamps) {
        this.org = org;
        this.stamps = stamps;
    }

    /**
     * internal_surveys.csv: response_id, provider_department_id, respondent_department_id, responded_at, score.
     * Respondents are drawn by headcount and never rate their own department.
     */
    public long internalSurveys(Path file, SplittableRandom random) throws IOException {
        int[] backOffice = IntStream.range(0, ReferenceOrg.DEPARTMENTS)
                .filter(org::isBackOffice).toArray();
        int[] facing = IntStream.range(0, ReferenceOrg.DEPARTMENTS)
                .filter(d -> !org.isBackOffice(d)).toArray();
        double[] serviceLevel = new double[ReferenceOrg.DEPARTMENTS];
        long[] cumulativeHeadcount = new long[ReferenceOrg.DEPARTMENTS];
        long people = 0;
        for (int d = 0; d < ReferenceOrg.DEPARTMENTS; d++) {
            serviceLevel[d] = 3.7 + 0.35 * StandardNormal.draw(random);
            people += org.headcount(d);
            cumulativeHeadcount[d] = people;
        }
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.INTERNAL_SURVEYS.header())) {
            for (int i = 0; i < INTERNAL_SURVEYS; i++) {
                long at = stamps.spread(i, INTERNAL_SURVEYS, random);
                int provider = random.nextInt(100) < BACK_OFFICE_PERCENT
                        ? backOffice[random.nextInt(backOffice.length)] : facing[random.nextInt(facing.length)];
                int respondent;
                do {
                    int found = Arrays.binarySearch(cumulativeHeadcount, random.nextLong(people));
                    respondent = found >= 0 ? found + 1 : -found - 1;
                } while (respondent == provider);
                int score = (int) Math.max(1, Math.min(5, Math.round(serviceLevel[provider] + 0.9 * StandardNormal.draw(random))));
                out.begin().id(RESPONSE, i + 1, 6).text(ReferenceOrg.departmentId(provider))
                        .text(ReferenceOrg.departmentId(respondent));
                stamps.write(out, at, random.nextInt(10) == 0 ? CENTRAL_EUROPE : 0);
                out.number(score).end();
            }
            return out.rows();
        }
    }

    /** performance.csv: employee_id, sales_attainment_pct, productivity_pct, one decimal place. */
    public long performance(Path file, SplittableRandom random) throws IOException {
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.PERFORMANCE.header())) {
            for (int e = 0; e < ReferenceOrg.EMPLOYEES; e++) {
                long sales = Math.max(400, Math.min(1600, Math.round(1000 + 150 * StandardNormal.draw(random))));
                long productivity = Math.max(500, Math.min(1400, Math.round(1000 + 100 * StandardNormal.draw(random))));
                if (e % UNREVIEWED_EVERY != UNREVIEWED_EVERY / 2 || org.isExecutive(e)) {
                    out.begin().text(ReferenceOrg.employeeId(e)).decimal(sales, 1).decimal(productivity, 1).end();
                }
            }
            return out.rows();
        }
    }
}
