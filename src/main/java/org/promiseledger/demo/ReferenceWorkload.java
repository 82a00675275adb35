package org.promiseledger.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.promiseledger.demo.internal.ContractFile;
import org.promiseledger.demo.internal.Quarter;
import org.promiseledger.demo.internal.QuarterStamps;
import org.promiseledger.demo.internal.ReferenceCustomerFeeds;
import org.promiseledger.demo.internal.ReferenceCustomers;
import org.promiseledger.demo.internal.ReferenceOrg;
import org.promiseledger.demo.internal.ReferenceStaffFeeds;
import org.promiseledger.demo.internal.ReferenceTargets;
import org.promiseledger.demo.internal.ReferenceTouchpoints;

/**
 * Writes docs/semantics.md's reference workload for 2026-Q3 in the data contract's format, deterministically.
 *
 * <p>200 departments (30 of them back office), 20,000 employees, 1,000 touchpoints and, by default, five million
 * customer-impact rows: 50 % surveys, 44 % contacts, 5 % complaints and 1 % churn, over about 400,000 customers
 * (one per 12.5 rows), plus 40,000 internal survey answers and the employees' performance. Reference files are
 * clean; the customer-event files carry one deliberate bad row per 10,000 (see {@link ReferenceFaults}).
 *
 * <p>Built for the benchmark: every file is streamed to disk as it is generated, so memory stays flat whatever the
 * row count, and the same seed and row count write byte-identical files. Each file draws from its own random stream.
 */
public final class ReferenceWorkload {

    public static final long DEFAULT_ROWS = 5_000_000L;

    private static final Quarter PERIOD = new Quarter(LocalDate.of(2026, 7, 1), Quarter.NEWEST);

    private final long seed;

    public ReferenceWorkload(long seed) {
        this.seed = seed;
    }

    /**
     * Writes the eleven files into dir (created if missing); rows = total data rows of surveys, contacts, complaints
     * and churn, split 50 / 44 / 5 / 1 % with the remainder going to churn so the total is exact. Returns the data
     * rows written per file name, in the contract's order.
     */
    public Map<String, Long> write(Path dir, long rows) throws IOException {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
        Files.createDirectories(dir);
        long surveys = rows * 50 / 100;
        long contacts = rows * 44 / 100;
        long complaints = rows * 5 / 100;
        long churn = rows - surveys - contacts - complaints;

        ReferenceOrg org = new ReferenceOrg();
        ReferenceTouchpoints touchpoints = new ReferenceTouchpoints(org, random(1));
        ReferenceCustomers customers = new ReferenceCustomers(rows, touchpoints.facingDepartments().length);
        QuarterStamps stamps = new QuarterStamps(PERIOD);
        ReferenceCustomerFeeds feeds = new ReferenceCustomerFeeds(stamps, touchpoints, customers);
        ReferenceStaffFeeds staff = new ReferenceStaffFeeds(org, stamps);

        Map<ContractFile, Long> written = new LinkedHashMap<>();
        written.put(ContractFile.DEPARTMENTS, org.writeDepartments(path(dir, ContractFile.DEPARTMENTS)));
        written.put(ContractFile.EMPLOYEES, org.writeEmployees(path(dir, ContractFile.EMPLOYEES), random(2)));
        written.put(ContractFile.TOUCHPOINTS, touchpoints.write(path(dir, ContractFile.TOUCHPOINTS)));
        written.put(ContractFile.TARGETS, ReferenceTargets.write(path(dir, ContractFile.TARGETS)));
        // Churn first: customers.csv marks who left.
        BitSet churned = feeds.churn(path(dir, ContractFile.CHURN), churn, random(3));
        written.put(ContractFile.CUSTOMERS, customers.write(path(dir, ContractFile.CUSTOMERS), churned));
        written.put(ContractFile.SURVEYS, feeds.surveys(path(dir, ContractFile.SURVEYS), surveys, random(4)));
        written.put(ContractFile.CONTACTS, feeds.contacts(path(dir, ContractFile.CONTACTS), contacts, random(5)));
        written.put(ContractFile.COMPLAINTS, feeds.complaints(path(dir, ContractFile.COMPLAINTS), complaints, random(6)));
        written.put(ContractFile.CHURN, churn);
        written.put(ContractFile.INTERNAL_SURVEYS, staff.internalSurveys(path(dir, ContractFile.INTERNAL_SURVEYS), random(7)));
        written.put(ContractFile.PERFORMANCE, staff.performance(path(dir, ContractFile.PERFORMANCE), random(8)));

        Map<String, Long> byName = new LinkedHashMap<>();
        for (ContractFile file : ContractFile.values()) {
            byName.put(file.fileName(), written.get(file));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Path path(Path dir, ContractFile file) {
        return dir.resolve(file.fileName());
    }

    /** One stream per file, unrelated between files and between nearby seeds. */
    private SplittableRandom random(int stream) {
        return new SplittableRandom(mix(seed ^ mix(0x5EED_0000L + stream)));
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
