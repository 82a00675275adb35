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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's reference workload: docs/data-contract.md's sizes, the contract's exact format, references that resolve,
 * byte-for-byte reproducible, and bad rows only as a tiny deliberate sprinkle in the customer-event files. The
 * checks are written from docs/data-contract.md ("Data contract", "Precise semantics", "Scale"), not from the generator.
 */
class ReferenceWorkloadTests {

    private static final long SEED = 20260701L;
    private static final long ROWS = 20_000;
    private static final Instant PERIOD_START = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant PERIOD_END = Instant.parse("2026-10-01T00:00:00Z");
    private static final List<String> EVENT_FILES = List.of("surveys.csv", "contacts.csv", "complaints.csv", "churn.csv");
    private static final Map<String, String> HEADERS = headers();

    @TempDir
    static Path root;

    private static Path dir;
    private static Map<String, Long> written;

    @BeforeAll
    static void writeTheWorkload() throws IOException {
        dir = root.resolve("reference").resolve("2026-Q3");
        written = new ReferenceWorkload(SEED).write(dir, ROWS);
    }

    @Test
    void writesTheElevenFilesWithTheContractHeadersInUtf8WithPlainLineEnds() throws IOException {
        assertEquals(HEADERS.keySet(), written.keySet());
        for (Map.Entry<String, String> file : HEADERS.entrySet()) {
            String text = Files.readString(dir.resolve(file.getKey()), StandardCharsets.UTF_8);
            assertTrue(text.startsWith(file.getValue() + "\n"), file.getKey() + " header");
            assertTrue(text.endsWith("\n"), file.getKey() + " ends with a line end");
            assertFalse(text.contains("\r"), file.getKey() + " uses \\n line ends");
            assertFalse(text.contains("\""), file.getKey() + " needs no quoting");
            long lines = text.chars().filter(c -> c == '\n').count();
            assertEquals(lines - 1, written.get(file.getKey()), "rows reported for " + file.getKey());
        }
        assertTrue(Files.readString(dir.resolve("employees.csv"), StandardCharsets.UTF_8).contains("ü"), "UTF-8 names");
    }

    @Test
    void customerImpactRowsAddUpToExactlyTheRequestedCount() {
        assertEquals(ROWS, EVENT_FILES.stream().mapToLong(written::get).sum());
        assertEquals(10_000, written.get("surveys.csv"));
        assertEquals(8_800, written.get("contacts.csv"));
        assertEquals(1_000, written.get("complaints.csv"));
        assertEquals(200, written.get("churn.csv"));
    }

    @Test
    void anyRowCountAddsUpExactly(@TempDir Path odd, @TempDir Path empty) throws IOException {
        Map<String, Long> counts = new ReferenceWorkload(SEED).write(odd, 12_345);
        Map<String, Long> none = new ReferenceWorkload(SEED).write(empty, 0);

        assertEquals(12_345, EVENT_FILES.stream().mapToLong(counts::get).sum());
        assertEquals(0, EVENT_FILES.stream().mapToLong(none::get).sum());
        assertEquals(HEADERS.get("surveys.csv") + "\n", Files.readString(empty.resolve("surveys.csv")));
        assertEquals(20_000, none.get("employees.csv"));
    }

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path again) throws IOException {
        Map<String, Long> counts = new ReferenceWorkload(SEED).write(again, ROWS);

        assertEquals(written, counts);
        for (String file : HEADERS.keySet()) {
            assertEquals(-1L, Files.mismatch(dir.resolve(file), again.resolve(file)), file);
        }
    }

    @Test
    void anotherSeedWritesAnotherWorkloadOfTheSameShape(@TempDir Path other) throws IOException {
        Map<String, Long> counts = new ReferenceWorkload(SEED + 1).write(other, ROWS);

        assertEquals(written, counts);
        assertNotEquals(-1L, Files.mismatch(dir.resolve("surveys.csv"), other.resolve("surveys.csv")));
        assertNotEquals(-1L, Files.mismatch(dir.resolve("employees.csv"), other.resolve("employees.csv")));
    }

    @Test
    void organisationHasTheReferenceSizeWhateverTheRowCount() throws IOException {
        assertEquals(200, written.get("departments.csv"));
        assertEquals(20_000, written.get("employees.csv"));
        assertEquals(1_000, written.get("touchpoints.csv"));
        assertEquals(40_000, written.get("internal_surveys.csv"));

        Map<String, Long> roles = read(dir, "employees.csv").stream()
                .collect(Collectors.groupingBy(e -> e.get("role"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("EXECUTIVE", 9L, "MANAGER", 200L, "STAFF", 19_791L), roles);

        List<CSVRecord> touchpoints = read(dir, "touchpoints.csv");
        assertEquals(Set.of("PHONE", "BRANCH", "WEB", "APP", "EMAIL", "CHAT", "FIELD"),
                touchpoints.stream().map(t -> t.get("channel")).collect(Collectors.toSet()));
        assertEquals(50, touchpoints.stream().filter(t -> t.get("moment_of_truth").equals("true")).count());
        Set<String> owners = touchpoints.stream().map(t -> t.get("owner_department_id")).collect(Collectors.toSet());
        Set<String> backOffice = new TreeSet<>(ids(dir, "departments.csv"));
        backOffice.removeAll(owners);
        assertEquals(30, backOffice.size(), "15 % of the departments own no touchpoint");
        Set<String> rated = read(dir, "internal_surveys.csv").stream().map(s -> s.get("provider_department_id"))
                .collect(Collectors.toSet());
        assertTrue(rated.containsAll(backOffice), "every back-office department is rated by internal surveys");

        Map<String, String> parentOf = read(dir, "departments.csv").stream()
                .collect(Collectors.toMap(d -> d.get("department_id"), d -> d.get("parent_id")));
        assertEquals(4, depth(parentOf), "board, divisions, units, teams");
        assertEquals(1, parentOf.values().stream().filter(String::isEmpty).count(), "one top department");
    }

    @Test
    void targetsCoverEveryMetricForTheCompanyStrictlyOrderedInItsDirection() throws IOException {
        Set<String> departments = ids(dir, "departments.csv");
        Set<String> keys = new HashSet<>();
        Set<String> companyMetrics = new TreeSet<>();
        int departmentRows = 0;
        for (CSVRecord t : read(dir, "targets.csv")) {
            assertTrue(keys.add(t.get("metric") + "/" + t.get("scope")), "unique on metric + scope");
            BigDecimal threshold = new BigDecimal(t.get("threshold"));
            BigDecimal target = new BigDecimal(t.get("target"));
            BigDecimal stretch = new BigDecimal(t.get("stretch"));
            int direction = Set.of("CES", "COMPLAINT_RATE").contains(t.get("metric")) ? -1 : 1;
            assertEquals(direction, target.compareTo(threshold), t.toString());
            assertEquals(direction, stretch.compareTo(target), t.toString());
            if (t.get("scope").equals("COMPANY")) {
                companyMetrics.add(t.get("metric"));
            } else {
                assertTrue(departments.contains(t.get("scope")), t.get("scope"));
                departmentRows++;
            }
        }
        assertEquals(new TreeSet<>(List.of("NPS", "CSAT", "CES", "FCR", "COMPLAINT_RATE", "RETENTION", "CONSISTENCY",
                "INTERNAL_SERVICE")), companyMetrics);
        assertEquals(20, departmentRows);
    }

    @Test
    void referenceFilesHaveUniqueIdsAndEveryReferenceResolves() throws IOException {
        Map<String, String> parentOf = new HashMap<>();
        for (CSVRecord d : uniqueIds(read(dir, "departments.csv"), "department_id")) {
            parentOf.put(d.get("department_id"), d.get("parent_id"));
        }
        parentOf.values().forEach(p -> assertTrue(p.isEmpty() || parentOf.containsKey(p), "parent " + p));
        depth(parentOf);

        Map<String, String> managerOf = new HashMap<>();
        for (CSVRecord e : uniqueIds(read(dir, "employees.csv"), "employee_id")) {
            assertTrue(parentOf.containsKey(e.get("department_id")), "department of " + e.get("employee_id"));
            assertTrue(new BigDecimal(e.get("base_salary")).signum() > 0);
            assertTrue(new BigDecimal(e.get("target_bonus_pct")).signum() > 0);
            managerOf.put(e.get("employee_id"), e.get("manager_id"));
        }
        managerOf.values().forEach(m -> assertTrue(m.isEmpty() || managerOf.containsKey(m), "manager " + m));
        assertEquals(1, managerOf.values().stream().filter(String::isEmpty).count(), "only the chief has no manager");
        depth(managerOf);

        for (CSVRecord t : uniqueIds(read(dir, "touchpoints.csv"), "touchpoint_id")) {
            assertTrue(parentOf.containsKey(t.get("owner_department_id")), t.get("touchpoint_id"));
        }
        uniqueIds(read(dir, "customers.csv"), "customer_id");
        List<CSVRecord> performance = uniqueIds(read(dir, "performance.csv"), "employee_id");
        assertTrue(performance.size() >= 19_700 && performance.size() < 20_000, "about 99 %: " + performance.size());
        // Every reference in the event files, internal surveys and performance, checked row by row:
        assertEquals(Map.of(), faultsIn(dir, "internal_surveys.csv", "customers.csv", "performance.csv"));
        Map<String, List<String>> eventFaults = faultsIn(dir, EVENT_FILES.toArray(String[]::new));
        long faulty = eventFaults.values().stream().mapToLong(List::size).sum();
        assertTrue(faulty <= ROWS / 10_000, "only the deliberate sprinkle is faulty: " + eventFaults);
    }

    @Test
    void ordinaryTimestampsSpreadOverTheQuarterMostlyInUtc() throws IOException {
        List<Instant> moments = new ArrayList<>();
        long utc = 0;
        for (CSVRecord c : read(dir, "contacts.csv")) {
            moments.add(OffsetDateTime.parse(c.get("opened_at"), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            utc += c.get("opened_at").endsWith("Z") ? 1 : 0;
        }
        assertTrue(utc > moments.size() * 0.8, "mostly Z: " + utc + " of " + moments.size());
        assertTrue(moments.stream().allMatch(m -> !m.isBefore(PERIOD_START) && m.isBefore(PERIOD_END)));
        assertTrue(moments.get(0).isBefore(PERIOD_START.plusSeconds(86_400)), "from the first day");
        assertTrue(moments.get(moments.size() - 1).isAfter(PERIOD_END.minusSeconds(86_400)), "to the last day");
    }

    @Test
    void aBigWorkloadCarriesEveryRejectReasonInAtMostOneRowInTenThousand(@TempDir Path big) throws IOException {
        long rows = 120_000;
        new ReferenceWorkload(SEED).write(big, rows);

        Map<String, List<String>> faults = faultsIn(big, EVENT_FILES.toArray(String[]::new));
        long faulty = faults.values().stream().mapToLong(List::size).sum();
        assertTrue(faulty > 0 && faulty <= rows / 10_000, "faulty rows: " + faulty);
        Set<String> reasons = faults.values().stream().flatMap(List::stream).map(f -> f.substring(0, f.indexOf('@')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("UNPARSEABLE", "OUT_OF_RANGE", "MISSING_VALUE", "UNKNOWN_REFERENCE",
                "DUPLICATE_ID", "OUT_OF_PERIOD")), reasons);
    }

    // ---- an independent reading of the contract's checks (docs/data-contract.md, "Precise semantics") ----

    /** The files' faulty rows, as "REASON@column" (column empty for a whole-record fault); files without any left out. */
    private static Map<String, List<String>> faultsIn(Path dir, String... files) throws IOException {
        Set<String> departments = ids(dir, "departments.csv");
        Set<String> employees = ids(dir, "employees.csv");
        Set<String> touchpoints = ids(dir, "touchpoints.csv");
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        checks.put("departments.csv", List.of(Check.ID, Check.ID, Check.optionalIn(departments)));
        checks.put("employees.csv", List.of(Check.ID, Check.ID, Check.in(departments),
                Check.choice("EXECUTIVE", "MANAGER", "STAFF"), Check.DECIMAL, Check.DECIMAL, Check.optionalIn(employees)));
        checks.put("touchpoints.csv", List.of(Check.ID, Check.ID, Check.choice("PHONE", "BRANCH", "WEB", "APP", "EMAIL",
                "CHAT", "FIELD"), Check.in(departments), Check.FLAG));
        checks.put("surveys.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.score(0, 10, true),
                Check.score(1, 5, true), Check.score(1, 7, true)));
        checks.put("contacts.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME, Check.FLAG));
        checks.put("complaints.csv", List.of(Check.ID, Check.ID, Check.in(touchpoints), Check.TIME,
                Check.score(1, 3, false), Check.FLAG));
        checks.put("customers.csv", List.of(Check.ID, Check.FLAG, Check.FLAG, Check.FLAG));
        checks.put("churn.csv", List.of(Check.ID, Check.TIME, Check.in(touchpoints)));
        checks.put("internal_surveys.csv", List.of(Check.ID, Check.in(departments), Check.in(departments), Check.TIME,
                Check.score(1, 5, false)));
        checks.put("performance.csv", List.of(Check.in(employees), Check.DECIMAL, Check.DECIMAL));

        Map<String, List<String>> faults = new LinkedHashMap<>();
        for (String file : files) {
            List<String> found = new ArrayList<>();
            Set<String> claimed = new HashSet<>();
            List<String> header = List.of(HEADERS.get(file).split(","));
            forEachRecord(dir, file, record -> {
                String fault = fault(record, header, checks.get(file), file, claimed);
                if (fault != null) {
                    found.add(fault);
                }
            });
            if (!found.isEmpty()) {
                faults.put(file, found);
            }
        }
        return faults;
    }

    private static String fault(CSVRecord record, List<String> header, List<Check> checks, String file, Set<String> claimed) {
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
            String value = record.get(i);
            if (checks.get(i).known() != null && !value.isEmpty() && !checks.get(i).known().contains(value)) {
                return "UNKNOWN_REFERENCE@" + header.get(i);
            }
        }
        if (!file.equals("churn.csv") && !claimed.add(record.get(0))) {
            return "DUPLICATE_ID@" + header.get(0);
        }
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i) == Check.TIME) {
                Instant at = OffsetDateTime.parse(record.get(i), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                if (at.isBefore(PERIOD_START) || !at.isBefore(PERIOD_END)) {
                    return "OUT_OF_PERIOD@" + header.get(i);
                }
            }
        }
        return null;
    }

    /** One column's rule: its format, range or allowed words, whether it may be empty, and the ids it must name. */
    private record Check(String kind, int min, int max, Set<String> words, boolean optional, Set<String> known) {
        static final Check ID = new Check("id", 0, 0, null, false, null);
        static final Check TIME = new Check("time", 0, 0, null, false, null);
        static final Check FLAG = new Check("flag", 0, 0, null, false, null);
        static final Check DECIMAL = new Check("decimal", 0, 0, null, false, null);

        static Check score(int min, int max, boolean optional) {
            return new Check("score", min, max, null, optional, null);
        }

        static Check in(Set<String> known) {
            return new Check("id", 0, 0, null, false, known);
        }

        static Check optionalIn(Set<String> known) {
            return new Check("id", 0, 0, null, true, known);
        }

        static Check choice(String... words) {
            return new Check("choice", 0, 0, Set.of(words), false, null);
        }

        String formatFault(String value) {
            switch (kind) {
                case "time" -> {
                    try {
                        OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    } catch (DateTimeParseException e) {
                        return "UNPARSEABLE";
                    }
                }
                case "flag" -> {
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                        return "UNPARSEABLE";
                    }
                }
                case "choice" -> {
                    if (!words.contains(value)) {
                        return "OUT_OF_RANGE";
                    }
                }
                case "decimal" -> {
                    if (!value.matches("\\d+(\\.\\d+)?")) {
                        return value.startsWith("-") ? "OUT_OF_RANGE" : "UNPARSEABLE";
                    }
                }
                case "score" -> {
                    if (!value.matches("[+-]?\\d{1,9}")) {
                        return "UNPARSEABLE";
                    }
                    int score = Integer.parseInt(value);
                    if (score < min || score > max) {
                        return "OUT_OF_RANGE";
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

    private static void forEachRecord(Path dir, String file, Consumer<CSVRecord> action) throws IOException {
        try (Reader in = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(action);
        }
    }

    private static List<CSVRecord> read(Path dir, String file) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        forEachRecord(dir, file, records::add);
        return records;
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
