package org.promiseledger.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.promiseledger.demo.internal.BadRows;
import org.promiseledger.demo.internal.ContractFile;
import org.promiseledger.demo.internal.CustomerActivity;
import org.promiseledger.demo.internal.CustomerBase;
import org.promiseledger.demo.internal.EmployeeActivity;
import org.promiseledger.demo.internal.EventFile;
import org.promiseledger.demo.internal.GamedTouchpoint;
import org.promiseledger.demo.internal.MidQuarterChanges;
import org.promiseledger.demo.internal.OrgChart;
import org.promiseledger.demo.internal.OrgChart.Department;
import org.promiseledger.demo.internal.OrgChart.Employee;
import org.promiseledger.demo.internal.OrgChart.Touchpoint;
import org.promiseledger.demo.internal.PlanTargets;
import org.promiseledger.demo.internal.Quarter;
import org.promiseledger.demo.internal.TouchpointTraffic;

/**
 * Writes a believable sample company's inputs for one quarter, in the data contract's format.
 *
 * <p>The company is a mid-sized bank: twelve departments, about 300 people, 21 touchpoints over all seven
 * channels, about 8,000 customers. The organisation is the same in every quarter, except for a transfer, a promotion,
 * a leaver and a hire during the newest one ({@link MidQuarterChanges}); the customers' experience
 * improves from quarter 0 to quarter 3. Each event file carries a few deliberate bad rows (see {@link BadRows}), and
 * in quarter 3 the live chat's agents game their survey (see {@link GamedTouchpoint}).
 *
 * <p>Deterministic: the output depends only on the seed, the quarter and its index, never on the clock, so the same
 * seed writes byte-identical files. Each file draws from its own random stream, so changing how one file is made
 * leaves the others as they were.
 */
public final class SampleCompany {

    private final long seed;
    private final OrgChart org;
    private final Map<String, TouchpointTraffic> traffic;

    public SampleCompany(long seed) {
        this.seed = seed;
        this.org = OrgChart.hire(new Random(mix(seed)));
        this.traffic = TouchpointTraffic.ALL.stream()
                .collect(Collectors.toMap(TouchpointTraffic::touchpointId, Function.identity()));
        if (!traffic.keySet().equals(org.touchpoints().stream().map(Touchpoint::id).collect(Collectors.toSet()))) {
            throw new IllegalStateException("every touchpoint needs exactly one traffic profile");
        }
    }

    /**
     * Writes all eleven CSV files of the data contract into dir (created if missing) for the quarter starting on
     * quarterStart (UTC, e.g. 2026-07-01 for 2026-Q3); quarterIndex 0..3 = oldest..newest drives a visible
     * improving trend. Returns the number of data rows written per file name.
     */
    public Map<String, Integer> writeQuarter(Path dir, LocalDate quarterStart, int quarterIndex) throws IOException {
        Quarter quarter = new Quarter(quarterStart, quarterIndex);
        Files.createDirectories(dir);
        Map<String, Integer> written = new LinkedHashMap<>();
        write(dir, ContractFile.DEPARTMENTS, org.departments().stream().map(Department::row).toList(), written);
        MidQuarterChanges changes = new MidQuarterChanges(org, quarter);
        if (changes.applies()) {
            written.put(ContractFile.EMPLOYEES.fileName(),
                    ContractFile.EMPLOYEES.writeWithOptionalColumns(dir, List.of("valid_from", "valid_to"), changes.rows()));
        } else {
            write(dir, ContractFile.EMPLOYEES, org.employees().stream().map(Employee::row).toList(), written);
        }
        write(dir, ContractFile.TOUCHPOINTS, org.touchpoints().stream().map(Touchpoint::row).toList(), written);
        write(dir, ContractFile.TARGETS, PlanTargets.rows(), written);

        CustomerBase customers =
                CustomerBase.of(quarter, org.touchpoints(), traffic, random(quarter, ContractFile.CUSTOMERS));
        write(dir, ContractFile.CUSTOMERS, customers.customerRows(), written);

        CustomerActivity activity = new CustomerActivity(quarter, org.touchpoints(), traffic, customers);
        BadRows badRows = new BadRows(quarter);
        EventFile surveys = activity.surveys(random(quarter, ContractFile.SURVEYS));
        GamedTouchpoint.plant(quarter, surveys, new Random(mix(seed ^ mix(quarter.start().toEpochDay()) ^ GamedTouchpoint.STREAM)));
        badRows.plant(ContractFile.SURVEYS, surveys);
        write(dir, ContractFile.SURVEYS, surveys.rows(), written);
        EventFile contacts = activity.contacts(random(quarter, ContractFile.CONTACTS));
        badRows.plant(ContractFile.CONTACTS, contacts);
        write(dir, ContractFile.CONTACTS, contacts.rows(), written);
        EventFile complaints = activity.complaints(random(quarter, ContractFile.COMPLAINTS));
        badRows.plant(ContractFile.COMPLAINTS, complaints);
        write(dir, ContractFile.COMPLAINTS, complaints.rows(), written);
        write(dir, ContractFile.CHURN, customers.churnRows(), written);

        EmployeeActivity people = new EmployeeActivity(quarter, org);
        write(dir, ContractFile.INTERNAL_SURVEYS,
                people.internalSurveys(random(quarter, ContractFile.INTERNAL_SURVEYS)), written);
        write(dir, ContractFile.PERFORMANCE, people.performance(random(quarter, ContractFile.PERFORMANCE)), written);
        return Collections.unmodifiableMap(written);
    }

    private static void write(Path dir, ContractFile file, List<List<String>> rows, Map<String, Integer> written)
            throws IOException {
        written.put(file.fileName(), file.write(dir, rows));
    }

    /**
     * java.util.Random rather than SplittableRandom: its sequence, nextGaussian included, is fixed by its
     * specification, so a seed gives the same files on every JDK.
     */
    private Random random(Quarter quarter, ContractFile file) {
        long stream = mix(seed ^ mix(quarter.start().toEpochDay() * 31 + quarter.index()) ^ mix(file.fileName().hashCode()));
        return new Random(stream);
    }

    /** SplitMix64's finaliser: nearby inputs (seed 1, seed 2) give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
