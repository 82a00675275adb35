package org.promiseledger.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.demo.internal.BadRows;
import org.promiseledger.demo.internal.ContractFile;
import org.promiseledger.demo.internal.Quarter;

/**
 * The demo's sample company: reproducible, in the data contract's exact shape, clean where a reject would stop
 * the run, and with just enough bad rows in the event files to show rejects without passing the 1 % limit.
 * The checks here are written from docs/data-contract.md, not from the generator, so they would catch it drifting.
 */
class SampleCompanyTests {

    private static final long SEED = 20260701L;
    /** The demo's four quarters, oldest first: 2026-Q3 and the three before it. */
    private static final List<LocalDate> QUARTERS = List.of(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1));

    private static final Map<String, String> HEADERS = headers();
    private static final Set<String> EVENT_FILES = Set.of("surveys.csv", "contacts.csv", "complaints.csv");

    @TempDir
    static Path root;

    private static final List<Path> quarterDirs = new ArrayList<>();
    private static final List<Map<String, Integer>> written = new ArrayList<>();

    @BeforeAll
    static void writeFourQuarters() throws IOException {
        SampleCompany company = new SampleCompany(SEED);
        for (int i = 0; i < QUARTERS.size(); i++) {
            Path dir = root.resolve("q" + i).resolve("nested");
            written.add(company.writeQuarter(dir, QUARTERS.get(i), i));
            quarterDirs.add(dir);
        }
    }

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path again) throws IOException {
        // given a second, fresh generator with the same seed, writing the newest quarter first
        Map<String, Integer> counts = new SampleCompany(SEED).writeQuarter(again, QUARTERS.get(3), 3);

        // then every file matches the first generator's byte for byte
        assertEquals(written.get(3), counts);
        for (String file : HEADERS.keySet()) {
            assertEquals(-1L, Files.mismatch(quarterDirs.get(3).resolve(file), again.resolve(file)), file);
        }
    }

    @Test
    void anotherSeedWritesAnotherCompany(@TempDir Path other) throws IOException {
        new SampleCompany(SEED + 1).writeQuarter(other, QUARTERS.get(3), 3);

        assertNotEquals(-1L, Files.mismatch(quarterDirs.get(3).resolve("surveys.csv"), other.resolve("surveys.csv")));
        assertNotEquals(-1L, Files.mismatch(quarterDirs.get(3).resolve("employees.csv"), other.resolve("employees.csv")));
    }

    @Test
    void writesAllElevenFilesWithTheContractHeaders() throws IOException {
        for (int q = 0; q < QUARTERS.size(); q++) {
            assertEquals(HEADERS.keySet(), written.get(q).keySet());
            for (Map.Entry<String, String> file : HEADERS.entrySet()) {
                List<String> lines = Files.readAllLines(quarterDirs.get(q).resolve(file.getKey()), StandardCharsets.UTF_8);
                // the newest quarter's employees.csv carries the optional columns of mid-quarter changes
                String header = file.getValue() + (q == 3 && file.getKey().equals("employees.csv") ? ",valid_from,valid_to" : "");
                assertEquals(header, lines.get(0), file.getKey());
                assertEquals(lines.size() - 1, written.get(q).get(file.getKey()), "rows reported for " + file.getKey());
            }
        }
    }

    @Test
    void referenceFilesHaveUniqueIdsAndConsistentReferences() throws IOException {
        Path dir = quarterDirs.get(3);
        List<CSVRecord> departments = read(dir, "departments.csv");
        Map<String, String> parentOf = uniqueIds(departments, "department_id").stream()
                .collect(Collectors.toMap(r -> r.get("department_id"), r -> r.get("parent_id")));
        assertEquals(12, departments.size());
        parentOf.values().forEach(parent -> assertTrue(parent.isEmpty() || parentOf.containsKey(parent), parent));
        assertEquals(3, depth(parentOf), "three levels from the board down");

        List<CSVRecord> employees = read(dir, "employees.csv");
        Map<String, String> managerOf = new HashMap<>();
        Map<String, LocalDate> lastTo = new HashMap<>();
        for (CSVRecord e : employees) {
            // one employee's rows follow each other in date order without overlapping (empty = open)
            LocalDate from = e.get("valid_from").isEmpty() ? LocalDate.MIN : LocalDate.parse(e.get("valid_from"));
            LocalDate before = lastTo.put(e.get("employee_id"), e.get("valid_to").isEmpty() ? LocalDate.MAX : LocalDate.parse(e.get("valid_to")));
            assertTrue(before == null || before.isBefore(from), "overlapping rows of " + e.get("employee_id"));
            assertTrue(parentOf.containsKey(e.get("department_id")), "department of " + e.get("employee_id"));
            assertTrue(Set.of("EXECUTIVE", "MANAGER", "STAFF").contains(e.get("role")));
            assertTrue(new BigDecimal(e.get("base_salary")).signum() > 0);
            assertEquals(2, new BigDecimal(e.get("base_salary")).scale(), "salary in cents");
            assertTrue(new BigDecimal(e.get("target_bonus_pct")).signum() > 0);
            managerOf.put(e.get("employee_id"), e.get("manager_id"));
        }
        managerOf.values().forEach(m -> assertTrue(m.isEmpty() || managerOf.containsKey(m), m));
        assertEquals(1, managerOf.values().stream().filter(String::isEmpty).count(), "only the chief has no manager");
        depth(managerOf); // fails on a cycle
        Set<String> staffed = employees.stream().map(e -> e.get("department_id")).collect(Collectors.toSet());
        assertEquals(parentOf.keySet(), staffed, "every department employs someone");

        List<CSVRecord> touchpoints = uniqueIds(read(dir, "touchpoints.csv"), "touchpoint_id");
        touchpoints.forEach(t -> assertTrue(parentOf.containsKey(t.get("owner_department_id"))));
        assertEquals(Set.of("PHONE", "BRANCH", "WEB", "APP", "EMAIL", "CHAT", "FIELD"),
                touchpoints.stream().map(t -> t.get("channel")).collect(Collectors.toSet()));
        assertTrue(touchpoints.stream().filter(t -> t.get("moment_of_truth").equals("true")).count() >= 2);
        touchpoints.forEach(t -> assertTrue(Set.of("true", "false").contains(t.get("moment_of_truth"))));
        assertFalse(touchpoints.stream().anyMatch(t -> t.get("owner_department_id").equals("D11")),
                "the IT Service Desk is back office and owns no touchpoint");

        List<CSVRecord> targets = read(dir, "targets.csv");
        assertEquals(targets.size(), targets.stream().map(t -> t.get("metric") + "/" + t.get("scope")).distinct().count());
        Set<String> companyMetrics = new HashSet<>();
        for (CSVRecord t : targets) {
            assertTrue(t.get("scope").equals("COMPANY") || parentOf.containsKey(t.get("scope")));
            BigDecimal threshold = new BigDecimal(t.get("threshold"));
            BigDecimal target = new BigDecimal(t.get("target"));
            BigDecimal stretch = new BigDecimal(t.get("stretch"));
            int direction = Set.of("CES", "COMPLAINT_RATE").contains(t.get("metric")) ? -1 : 1;
            assertEquals(direction, target.compareTo(threshold), "target beyond threshold: " + t);
            assertEquals(direction, stretch.compareTo(target), "stretch beyond target: " + t);
            if (t.get("scope").equals("COMPANY")) {
                companyMetrics.add(t.get("metric"));
            }
        }
        assertEquals(Set.of("NPS", "CSAT", "CES", "FCR", "COMPLAINT_RATE", "RETENTION", "CONSISTENCY",
                "INTERNAL_SERVICE"), companyMetrics);
        assertTrue(targets.size() >= companyMetrics.size() + 2, "a couple of department-specific rows");
    }

    @Test
    void theNewestQuarterHasATransferAPromotionALeaverAndAHire() throws IOException {
        Map<String, List<CSVRecord>> rowsOf = read(quarterDirs.get(3), "employees.csv").stream()
                .collect(Collectors.groupingBy(r -> r.get("employee_id"), LinkedHashMap::new, Collectors.toList()));
        List<String> changes = new ArrayList<>();
        rowsOf.forEach((id, rows) -> {
            CSVRecord first = rows.get(0);
            CSVRecord last = rows.get(rows.size() - 1);
            if (rows.size() == 2 && !first.get("department_id").equals(last.get("department_id"))) {
                changes.add("transfer " + first.get("department_id") + "->" + last.get("department_id") + " on " + last.get("valid_from"));
            } else if (rows.size() == 2 && !first.get("role").equals(last.get("role"))) {
                changes.add("promotion " + first.get("role") + "->" + last.get("role") + " on " + last.get("valid_from"));
            } else if (rows.size() == 1 && !first.get("valid_to").isEmpty()) {
                changes.add("leaver on " + first.get("valid_to"));
            } else if (rows.size() == 1 && !first.get("valid_from").isEmpty()) {
                changes.add("hire on " + first.get("valid_from"));
            } else {
                assertEquals(List.of("", ""), List.of(first.get("valid_from"), first.get("valid_to")), id);
            }
        });
        assertEquals(List.of("promotion STAFF->MANAGER on 2026-09-01", "transfer D04->D05 on 2026-08-16", "leaver on 2026-07-31",
                "hire on 2026-09-01"), changes);
        assertEquals(-1L, Files.mismatch(quarterDirs.get(2).resolve("departments.csv"), quarterDirs.get(3).resolve("departments.csv")));
        for (int q = 0; q < 3; q++) {
            assertEquals(HEADERS.get("employees.csv"), Files.readAllLines(quarterDirs.get(q).resolve("employees.csv")).get(0),
                    "older quarters keep the plain file");
        }
    }

    @Test
    void eventFilesHoldTheirPlantedBadRowsWellUnderOnePercent() throws IOException {
        for (int q = 0; q < QUARTERS.size(); q++) {
            Quarter quarter = new Quarter(QUARTERS.get(q), q);
            Map<String, List<String>> faults = faultsByFile(quarterDirs.get(q), quarter);
            for (String file : EVENT_FILES) {
                List<String> found = faults.get(file);
                List<String> counted = found.stream().filter(f -> !f.startsWith("OUT_OF_PERIOD")).toList();
                int rows = written.get(q).get(file);
                assertFalse(counted.isEmpty(), file + " shows some rejects");
                assertTrue(found.size() > counted.size(), file + " has out-of-period rows too");
                assertTrue(counted.size() * 100.0 / rows < 1.0, file + ": " + counted.size() + " of " + rows);
                List<String> planted = new BadRows(quarter).flaws(ContractFile.valueOf(file.replace(".csv", "")
                        .toUpperCase())).stream().map(f -> f.reason() + "@" + f.column()).sorted().toList();
                assertEquals(planted, found.stream().sorted().toList(), file + " rejects exactly what was planted");
            }
        }
    }

    @Test
    void filesWhoseRejectsWouldMisleadAreClean() throws IOException {
        for (int q = 0; q < QUARTERS.size(); q++) {
            Map<String, List<String>> faults = faultsByFile(quarterDirs.get(q), new Quarter(QUARTERS.get(q), q));
            for (String file : List.of("customers.csv", "churn.csv", "internal_surveys.csv", "performance.csv")) {
                assertEquals(List.of(), faults.get(file), file + " in quarter " + q);
            }
        }
    }

    @Test
    void rowCountsAreThoseOfAMidSizedBank() {
        for (Map<String, Integer> counts : written) {
            assertEquals(12, counts.get("departments.csv"));
            assertBetween(250, 350, counts.get("employees.csv"), "employees");
            assertBetween(15, 25, counts.get("touchpoints.csv"), "touchpoints");
            assertBetween(10, 20, counts.get("targets.csv"), "targets");
            assertBetween(13_000, 17_000, counts.get("surveys.csv"), "surveys");
            assertBetween(10_000, 14_000, counts.get("contacts.csv"), "contacts");
            assertBetween(600, 1_000, counts.get("complaints.csv"), "complaints");
            assertBetween(7_000, 9_000, counts.get("customers.csv"), "customers");
            assertBetween(200, 400, counts.get("churn.csv"), "churn");
            assertBetween(450, 750, counts.get("internal_surveys.csv"), "internal surveys");
            int employees = counts.get("employees.csv");
            assertBetween(employees - 10, employees - 1, counts.get("performance.csv"), "a handful without performance");
        }
    }

    @Test
    void customersFeelTheImprovementFromOldestToNewestQuarter() throws IOException {
        Quarter oldest = new Quarter(QUARTERS.get(0), 0);
        Quarter newest = new Quarter(QUARTERS.get(3), 3);

        assertTrue(nps(quarterDirs.get(0), oldest) + 10 < nps(quarterDirs.get(3), newest), "NPS rises visibly");
        assertTrue(upheldComplaints(quarterDirs.get(0)) > upheldComplaints(quarterDirs.get(3)));
        assertTrue(read(quarterDirs.get(0), "churn.csv").size() > read(quarterDirs.get(3), "churn.csv").size());
    }

    @Test
    void lostCardLineFailsItsMomentOfTruthOnlyInTheOlderQuarters() throws IOException {
        // the company's CSAT threshold is what the moment-of-truth guard compares with
        double threshold = read(quarterDirs.get(0), "targets.csv").stream()
                .filter(t -> t.get("metric").equals("CSAT") && t.get("scope").equals("COMPANY"))
                .mapToDouble(t -> Double.parseDouble(t.get("threshold"))).findFirst().orElseThrow();

        assertTrue(csatPercent(quarterDirs.get(0), new Quarter(QUARTERS.get(0), 0), "T05") < threshold);
        assertTrue(csatPercent(quarterDirs.get(1), new Quarter(QUARTERS.get(1), 1), "T05") < threshold);
        assertTrue(csatPercent(quarterDirs.get(3), new Quarter(QUARTERS.get(3), 3), "T05") > threshold);
    }

    @Test
    void marketingIsTooQuietForASurveyVerdictWhileTheBigDepartmentsAreNot() throws IOException {
        Path dir = quarterDirs.get(3);
        Map<String, String> owner = read(dir, "touchpoints.csv").stream()
                .collect(Collectors.toMap(t -> t.get("touchpoint_id"), t -> t.get("owner_department_id")));
        Map<String, Integer> csatAnswers = new TreeMap<>();
        for (CSVRecord s : acceptedSurveys(dir, new Quarter(QUARTERS.get(3), 3))) {
            if (!s.get("csat").isEmpty()) {
                csatAnswers.merge(owner.get(s.get("touchpoint_id")), 1, Integer::sum);
            }
        }
        assertTrue(csatAnswers.get("D12") < 30, "Marketing below the default min-sample: " + csatAnswers);
        for (String department : List.of("D03", "D04", "D05", "D07", "D08", "D10")) {
            assertTrue(csatAnswers.get(department) >= 30, department + ": " + csatAnswers);
        }
    }

    /**
     * The demo's one gamed touchpoint: in the newest quarter the live chat (T06) asks for a 10, so its share of 10s
     * jumps far past the 15 points TOP_BOX_SURGE looks for, while no other touchpoint moves that much and T06 did not
     * before. (Whether the run's z-test fires is shown by running the demo: its summary lists the signal.)
     */
    @Test
    void theLiveChatAsksForATenOnlyInTheNewestQuarter() throws IOException {
        Map<String, Double> before = tenShares(quarterDirs.get(2), new Quarter(QUARTERS.get(2), 2));
        Map<String, Double> newest = tenShares(quarterDirs.get(3), new Quarter(QUARTERS.get(3), 3));
        Map<String, Double> older = tenShares(quarterDirs.get(1), new Quarter(QUARTERS.get(1), 1));

        assertTrue(newest.get("T06") - before.get("T06") >= 0.25, "T06 10s: " + before.get("T06") + " -> " + newest.get("T06"));
        for (String touchpoint : newest.keySet()) {
            if (!touchpoint.equals("T06") && before.containsKey(touchpoint)) {
                assertTrue(newest.get(touchpoint) - before.get(touchpoint) < 0.15, touchpoint + " rose too");
            }
        }
        assertTrue(Math.abs(before.get("T06") - older.get("T06")) < 0.15, "T06 was not gamed before");
    }

    /** Per touchpoint with at least 30 NPS answers, the share of them that are a 10. */
    private static Map<String, Double> tenShares(Path dir, Quarter quarter) throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        for (CSVRecord s : acceptedSurveys(dir, quarter)) {
            if (!s.get("nps").isEmpty()) {
                int[] c = counts.computeIfAbsent(s.get("touchpoint_id"), t -> new int[2]);
                c[0]++;
                c[1] += s.get("nps").equals("10") ? 1 : 0;
            }
        }
        Map<String, Double> shares = new TreeMap<>();
        counts.forEach((t, c) -> {
            if (c[0] >= 30) {
                shares.put(t, (double) c[1] / c[0]);
            }
        });
        return shares;
    }

    // ---- an independent reading of the contract's checks (docs/data-contract.md, "Precise semantics") ----

    /** Per file, the reject each faulty row should get, as "REASON@column" (column empty for a whole-record fault). */
    private static Map<String, List<String>> faultsByFile(Path dir, Quarter quarter) throws IOException {
        Set<String> departments = ids(dir, "departments.csv");
        Set<String> employees = ids(dir, "employees.csv");
        Set<String> touchpoints = ids(dir, "touchpoints.csv");
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        checks.put("surveys.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.score(0, 10, true),
                Check.score(1, 5, true), Check.score(1, 7, true)));
        checks.put("contacts.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.FLAG));
        checks.put("complaints.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.score(1, 3, false),
                Check.FLAG));
        checks.put("customers.csv", List.of(Check.ID, Check.FLAG, Check.FLAG, Check.FLAG));
        checks.put("churn.csv", List.of(Check.ID, Check.TIME, Check.in(touchpoints)));
        checks.put("internal_surveys.csv", List.of(Check.ID, Check.in(departments), Check.in(departments), Check.TIME,
                Check.score(1, 5, false)));
        checks.put("performance.csv", List.of(Check.in(employees), Check.DECIMAL, Check.DECIMAL));

        Map<String, List<String>> faults = new LinkedHashMap<>();
        for (Map.Entry<String, List<Check>> file : checks.entrySet()) {
            List<String> found = new ArrayList<>();
            Set<String> claimed = new HashSet<>();
            List<String> header = List.of(HEADERS.get(file.getKey()).split(","));
            for (CSVRecord record : read(dir, file.getKey())) {
                String fault = fault(record, header, file.getValue(), quarter, file.getKey(), claimed);
                if (fault != null) {
                    found.add(fault);
                }
            }
            faults.put(file.getKey(), found);
        }
        return faults;
    }

    private static String fault(CSVRecord record, List<String> header, List<Check> checks, Quarter quarter, String file,
            Set<String> claimed) {
        if (record.size() != header.size()) {
            return "UNPARSEABLE@";
        }
        for (int i = 0; i < checks.size(); i++) {
            String value = record.get(i).trim();
            boolean surveyWithNoAnswer = file.equals("surveys.csv") && i == 4
                    && record.get(5).isBlank() && record.get(6).isBlank();
            if (value.isEmpty() && (!checks.get(i).optional() || surveyWithNoAnswer)) {
                return "MISSING_VALUE@" + header.get(i);
            }
            String reason = value.isEmpty() ? null : checks.get(i).formatFault(value);
            if (reason != null) {
                return reason + "@" + header.get(i);
            }
        }
        if (file.equals("internal_surveys.csv") && record.get(1).equals(record.get(2))) {
            return "OUT_OF_RANGE@respondent_department_id";
        }
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).known() != null && !checks.get(i).known().contains(record.get(i))) {
                return "UNKNOWN_REFERENCE@" + header.get(i);
            }
        }
        if (!file.equals("churn.csv") && !claimed.add(record.get(0))) {
            return "DUPLICATE_ID@" + header.get(0);
        }
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i) == Check.TIME) {
                Instant at = OffsetDateTime.parse(record.get(i)).toInstant();
                if (at.isBefore(quarter.startInstant()) || !at.isBefore(quarter.endInstant())) {
                    return "OUT_OF_PERIOD@" + header.get(i);
                }
            }
        }
        return null;
    }

    /** One column's rule: its format, range, whether it may be empty, and the ids it must refer to. */
    private record Check(String kind, int min, int max, boolean optional, Set<String> known) {
        static final Check ID = new Check("id", 0, 0, false, null);
        static final Check TIME = new Check("time", 0, 0, false, null);
        static final Check FLAG = new Check("flag", 0, 0, false, null);
        static final Check DECIMAL = new Check("decimal", 0, 0, false, null);

        static Check score(int min, int max, boolean optional) {
            return new Check("score", min, max, optional, null);
        }

        static Check in(Set<String> known) {
            return new Check("id", 0, 0, false, known);
        }

        String formatFault(String value) {
            switch (kind) {
                case "time" -> {
                    try {
                        OffsetDateTime.parse(value);
                    } catch (DateTimeParseException e) {
                        return "UNPARSEABLE";
                    }
                }
                case "flag" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        return "UNPARSEABLE";
                    }
                }
                case "decimal" -> {
                    try {
                        if (new BigDecimal(value).signum() < 0) {
                            return "OUT_OF_RANGE";
                        }
                    } catch (NumberFormatException e) {
                        return "UNPARSEABLE";
                    }
                }
                case "score" -> {
                    try {
                        int score = Integer.parseInt(value);
                        if (score < min || score > max) {
                            return "OUT_OF_RANGE";
                        }
                    } catch (NumberFormatException e) {
                        return "UNPARSEABLE";
                    }
                }
                default -> {
                    return null;
                }
            }
            return null;
        }
    }

    // ---- small readers ----

    private static List<CSVRecord> acceptedSurveys(Path dir, Quarter quarter) throws IOException {
        Set<String> touchpoints = ids(dir, "touchpoints.csv");
        List<Check> checks = List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.score(0, 10, true),
                Check.score(1, 5, true), Check.score(1, 7, true));
        List<String> header = List.of(HEADERS.get("surveys.csv").split(","));
        Set<String> claimed = new HashSet<>();
        List<CSVRecord> accepted = new ArrayList<>();
        for (CSVRecord record : read(dir, "surveys.csv")) {
            if (fault(record, header, checks, quarter, "surveys.csv", claimed) == null) {
                accepted.add(record);
            }
        }
        return accepted;
    }

    private static double nps(Path dir, Quarter quarter) throws IOException {
        int answers = 0;
        int net = 0;
        for (CSVRecord s : acceptedSurveys(dir, quarter)) {
            if (!s.get("nps").isEmpty()) {
                int nps = Integer.parseInt(s.get("nps"));
                answers++;
                net += nps >= 9 ? 1 : nps <= 6 ? -1 : 0;
            }
        }
        return 100.0 * net / answers;
    }

    private static double csatPercent(Path dir, Quarter quarter, String touchpoint) throws IOException {
        int answers = 0;
        int satisfied = 0;
        for (CSVRecord s : acceptedSurveys(dir, quarter)) {
            if (s.get("touchpoint_id").equals(touchpoint) && !s.get("csat").isEmpty()) {
                answers++;
                satisfied += Integer.parseInt(s.get("csat")) >= 4 ? 1 : 0;
            }
        }
        assertTrue(answers >= 30, "enough answers for the guard to look at");
        return 100.0 * satisfied / answers;
    }

    private static long upheldComplaints(Path dir) throws IOException {
        return read(dir, "complaints.csv").stream().filter(c -> c.get("upheld").equals("true")).count();
    }

    private static List<CSVRecord> read(Path dir, String file) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static Set<String> ids(Path dir, String file) throws IOException {
        return read(dir, file).stream().map(r -> r.get(0)).collect(Collectors.toSet());
    }

    private static List<CSVRecord> uniqueIds(List<CSVRecord> records, String idColumn) {
        Set<String> seen = new HashSet<>();
        records.forEach(r -> assertTrue(seen.add(r.get(idColumn)), "duplicate " + idColumn + " " + r.get(idColumn)));
        return records;
    }

    /** Longest chain to a root (levels), failing on a cycle. */
    private static int depth(Map<String, String> parentOf) {
        int deepest = 0;
        for (String start : parentOf.keySet()) {
            int levels = 1;
            for (String at = parentOf.get(start); !at.isEmpty(); at = parentOf.get(at)) {
                levels++;
                assertTrue(levels <= parentOf.size(), "cycle through " + start);
            }
            deepest = Math.max(deepest, levels);
        }
        return deepest;
    }

    private static void assertBetween(int low, int high, int actual, String what) {
        assertTrue(actual >= low && actual <= high, what + ": " + actual + " not in " + low + ".." + high);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("departments.csv", "department_id,name,parent_id");
        headers.put("employees.csv", "employee_id,name,department_id,role,base_salary,target_bonus_pct,manager_id");
        headers.put("touchpoints.csv", "touchpoint_id,name,channel,owner_department_id,moment_of_truth");
        headers.put("targets.csv", "metric,scope,threshold,target,stretch");
        headers.put("customers.csv", "customer_id,active_at_start,active_at_end,acquired_in_period");
        headers.put("surveys.csv", "response_id,customer_id,touchpoint_id,responded_at,nps,csat,effort");
        headers.put("contacts.csv", "contact_id,customer_id,touchpoint_id,opened_at,first_contact_resolved");
        headers.put("complaints.csv", "complaint_id,customer_id,touchpoint_id,raised_at,severity,upheld");
        headers.put("churn.csv", "customer_id,churned_at,last_touchpoint_id");
        headers.put("internal_surveys.csv",
                "response_id,provider_department_id,respondent_department_id,responded_at,score");
        headers.put("performance.csv", "employee_id,sales_attainment_pct,productivity_pct");
        return headers;
    }
}
