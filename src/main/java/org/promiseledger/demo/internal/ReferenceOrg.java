package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The reference workload's organisation: 200 departments four levels deep and 20,000 people. The shape is the
 * same for every seed (so the benchmark's work is too); the seed only picks names and pay.
 *
 * <p>Departments, in id order: D0001 the board; D0002..D0009 eight divisions; D0010..D0039 thirty units, dealt
 * round the divisions; D0040..D0200 161 teams, dealt round the units. Thirty of them (15 %) are back office and
 * own no touchpoint: the board, the Corporate Services division with its three units and sixteen teams, and
 * nine support teams inside the customer-facing units.
 */
public final class ReferenceOrg {

    static final int DEPARTMENTS = 200;
    static final int EMPLOYEES = 20_000;
    static final int DIVISIONS = 8;
    static final int UNITS = 30;
    private static final int FIRST_UNIT = 1 + DIVISIONS;
    private static final int FIRST_TEAM = FIRST_UNIT + UNITS;
    private static final int CORPORATE_SERVICES = DIVISIONS;
    private static final int SUPPORT_TEAM_EVERY = 18;

    private static final List<String> DIVISION_NAMES = List.of("Retail Banking", "Business Banking",
            "Cards and Payments", "Mortgages", "Wealth Management", "Digital Channels", "Customer Service",
            "Corporate Services");
    private static final List<String> REGIONS = List.of("North", "South", "East", "West");
    private static final List<String> SUPPORT_FUNCTIONS = List.of("Quality Assurance", "Data and Analytics",
            "Training", "Workforce Planning", "Complaints Review", "Risk and Compliance", "Process Excellence",
            "Knowledge Management", "Vendor Management");
    private static final List<String> CORPORATE_FUNCTIONS = List.of("IT Service Desk", "Human Resources", "Finance",
            "Legal", "Procurement", "Facilities", "Internal Audit", "Payroll", "IT Infrastructure", "Treasury",
            "Communications", "Security", "Controlling", "Tax", "Records Office", "Architecture");
    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Carla", "David", "Elif", "Felix", "Greta",
            "Hugo", "Ines", "Jonas", "Katrin", "Lars", "Maria", "Niklas", "Olga", "Paul", "Queenie", "Rafael", "Sofia",
            "Tobias", "Ursula", "Viktor", "Wiebke", "Xavier", "Yasmin", "Zoe", "Ahmed", "Björn", "Chloé", "Dmitri",
            "Emma", "Finn", "Hannah", "Jakub", "Leonie", "Mehmet", "Nora", "Oskar", "Priya", "Sean");
    private static final List<String> LAST_NAMES = List.of("Andersen", "Becker", "Costa", "Dubois", "Eriksen",
            "Fischer", "García", "Hoffmann", "Ivanova", "Jansen", "Keller", "Lehmann", "Müller", "Novak", "O'Neill",
            "Peters", "Quinn", "Richter", "Schmidt", "Tanaka", "Urban", "Vogel", "Wagner", "Yilmaz", "Zimmermann",
            "Bauer", "Nowak", "Kowalski", "Rossi", "Smith-Jones", "Nguyen", "Larsen", "Meyer", "Schulz", "Wolf",
            "Núñez", "Horvat", "Krüger", "Petrov", "Øberg");
    /** First name × middle initial × last name: 41,600 distinct names, visited in a seed-chosen order. */
    private static final int NAME_SPACE = FIRST_NAMES.size() * 26 * LAST_NAMES.size();
    private static final int NAME_STRIDE = 7_919;

    private final String[] names = new String[DEPARTMENTS];
    private final int[] parents = new int[DEPARTMENTS];
    private final boolean[] backOffice = new boolean[DEPARTMENTS];
    /** People per department, the head (and an executive's deputy) included. */
    private final int[] headcount = new int[DEPARTMENTS];

    public ReferenceOrg() {
        for (int d = 0; d < DEPARTMENTS; d++) {
            parents[d] = parentOf(d);
            names[d] = nameOf(d);
            backOffice[d] = d == 0 || d == CORPORATE_SERVICES || isSupportTeam(d)
                    || (d > 0 && backOffice[parents[d]] && parents[d] != 0);
        }
        staff();
    }

    static String departmentId(int department) {
        return String.format(Locale.ROOT, "D%04d", department + 1);
    }

    static String employeeId(int employee) {
        return String.format(Locale.ROOT, "E%05d", employee + 1);
    }

    boolean isBackOffice(int department) {
        return backOffice[department];
    }

    int headcount(int department) {
        return headcount[department];
    }

    /** The board and the division heads are executives; they keep a deputy manager. */
    static boolean isExecutiveDepartment(int department) {
        return department < FIRST_UNIT;
    }

    /** departments.csv: department_id, name, parent_id. */
    public long writeDepartments(Path file) throws IOException {
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.DEPARTMENTS.header())) {
            for (int d = 0; d < DEPARTMENTS; d++) {
                out.row(departmentId(d), names[d], parents[d] < 0 ? "" : departmentId(parents[d]));
            }
            return out.rows();
        }
    }

    /**
     * employees.csv, department by department: the head first (EXECUTIVE for the board and the divisions, else
     * MANAGER), an executive's deputy MANAGER next, then STAFF, who report to the department's manager. A head
     * reports to the parent department's head, so every manager_id names an earlier row and no chain can loop.
     */
    public long writeEmployees(Path file, SplittableRandom random) throws IOException {
        int nameOffset = random.nextInt(NAME_SPACE);
        int[] heads = new int[DEPARTMENTS];
        int next = 0;
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.EMPLOYEES.header())) {
            for (int d = 0; d < DEPARTMENTS; d++) {
                heads[d] = next;
                String boss = parents[d] < 0 ? "" : employeeId(heads[parents[d]]);
                int staffManager = next;
                if (isExecutiveDepartment(d)) {
                    long salary = d == 0 ? 42_000_000L : between(random, 18_000_000L, 26_000_000L);
                    employee(out, next++, nameOffset, d, "EXECUTIVE", salary, d == 0 ? "40" : "30", boss);
                    staffManager = next;
                    employee(out, next++, nameOffset, d, "MANAGER", between(random, 9_000_000L, 11_000_000L), "20",
                            employeeId(heads[d]));
                } else {
                    boolean unit = d < FIRST_TEAM;
                    employee(out, next++, nameOffset, d, "MANAGER",
                            unit ? between(random, 8_000_000L, 10_000_000L) : between(random, 6_500_000L, 8_500_000L),
                            unit ? "20" : "17.5", boss);
                }
                int staff = headcount[d] - (isExecutiveDepartment(d) ? 2 : 1);
                for (int i = 0; i < staff; i++) {
                    employee(out, next++, nameOffset, d, "STAFF", between(random, 3_000_000L, 6_000_000L),
                            backOffice[d] ? "10" : "12.5", employeeId(staffManager));
                }
            }
            return out.rows();
        }
    }

    /** Whether the employee (0-based, in employees.csv order) is an executive: the first of each executive department. */
    boolean isExecutive(int employee) {
        int first = 0;
        for (int d = 0; d < FIRST_UNIT; d++) {
            if (employee == first) {
                return true;
            }
            first += headcount[d];
        }
        return false;
    }

    private void employee(CsvLineWriter out, int index, int nameOffset, int department, String role, long salaryCents,
            String bonusPct, String managerId) throws IOException {
        out.begin().text(employeeId(index)).text(personName(index, nameOffset)).text(departmentId(department))
                .text(role).decimal(salaryCents, 2).text(bonusPct).text(managerId).end();
    }

    private static String personName(int index, int offset) {
        int p = (int) ((index * (long) NAME_STRIDE + offset) % NAME_SPACE);
        int first = p % FIRST_NAMES.size();
        int initial = p / FIRST_NAMES.size() % 26;
        int last = p / (FIRST_NAMES.size() * 26);
        return FIRST_NAMES.get(first) + " " + (char) ('A' + initial) + ". " + LAST_NAMES.get(last);
    }

    /** Shares out the staff: teams are the biggest and vary in size, the board and division offices are small. */
    private void staff() {
        int[] weights = new int[DEPARTMENTS];
        long total = 0;
        int people = EMPLOYEES;
        for (int d = 0; d < DEPARTMENTS; d++) {
            weights[d] = d == 0 ? 10 : d < FIRST_UNIT ? 20 : d < FIRST_TEAM ? 60 : 70 + (d * 37) % 61;
            total += weights[d];
            headcount[d] = isExecutiveDepartment(d) ? 2 : 1;
            people -= headcount[d];
        }
        int given = 0;
        for (int d = 0; d < DEPARTMENTS; d++) {
            int share = (int) (people * (long) weights[d] / total);
            headcount[d] += share;
            given += share;
        }
        // Rounding leaves fewer than 200 people over: one more each for the first teams.
        for (int i = 0; given < people; i++) {
            headcount[FIRST_TEAM + i % (DEPARTMENTS - FIRST_TEAM)]++;
            given++;
        }
    }

    private static int parentOf(int d) {
        if (d == 0) {
            return -1;
        }
        if (d < FIRST_UNIT) {
            return 0;
        }
        if (d < FIRST_TEAM) {
            return 1 + (d - FIRST_UNIT) % DIVISIONS;
        }
        return FIRST_UNIT + (d - FIRST_TEAM) % UNITS;
    }

    private boolean isSupportTeam(int d) {
        return d >= FIRST_TEAM && (d - FIRST_TEAM) % SUPPORT_TEAM_EVERY == 0;
    }

    private String nameOf(int d) {
        if (d == 0) {
            return "Executive Board";
        }
        if (d < FIRST_UNIT) {
            return DIVISION_NAMES.get(d - 1);
        }
        if (d < FIRST_TEAM) {
            return DIVISION_NAMES.get(parentOf(d) - 1) + " " + REGIONS.get((d - FIRST_UNIT) / DIVISIONS);
        }
        int k = d - FIRST_TEAM;
        String unit = nameOf(parentOf(d));
        if (parentOf(parentOf(d)) == CORPORATE_SERVICES) {
            return unit + " " + CORPORATE_FUNCTIONS.get(k / UNITS * 3 + (k % UNITS) / DIVISIONS);
        }
        if (isSupportTeam(d)) {
            return unit + " " + SUPPORT_FUNCTIONS.get(k / SUPPORT_TEAM_EVERY);
        }
        return unit + " Team " + (k / UNITS + 1);
    }

    private static long between(SplittableRandom random, long low, long high) {
        return random.nextLong(low, high + 1);
    }
}
