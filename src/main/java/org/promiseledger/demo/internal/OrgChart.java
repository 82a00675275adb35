package org.promiseledger.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The sample bank's organisation: twelve departments three levels deep, about three hundred people and the
 * touchpoints where customers meet them. It is the same in every quarter; only the customers' behaviour changes.
 */
public final class OrgChart {

    enum Role { EXECUTIVE, MANAGER, STAFF }

    enum Channel { PHONE, BRANCH, WEB, APP, EMAIL, CHAT, FIELD }

    public record Department(String id, String name, String parentId) {
        public List<String> row() {
            return List.of(id, name, parentId);
        }
    }

    public record Employee(String id, String name, String departmentId, Role role, BigDecimal baseSalary,
            BigDecimal targetBonusPct, String managerId) {
        public List<String> row() {
            return List.of(id, name, departmentId, role.name(), baseSalary.toPlainString(),
                    targetBonusPct.toPlainString(), managerId);
        }
    }

    public record Touchpoint(String id, String name, Channel channel, String ownerDepartmentId, boolean momentOfTruth) {
        public List<String> row() {
            return List.of(id, name, channel.name(), ownerDepartmentId, Boolean.toString(momentOfTruth));
        }
    }

    /** How many people of each role a department employs; the first executive, else the first manager, heads it. */
    private record Staffing(Department department, int executives, int managers, int staff, BigDecimal staffBonusPct) {}

    private static final BigDecimal TEN = new BigDecimal("10");
    private static final BigDecimal SALES_STAFF_PCT = new BigDecimal("12.5");

    // Parents come before children, so every head's manager already exists when the head is hired.
    private static final List<Staffing> STAFFING = List.of(
            new Staffing(new Department("D01", "Executive Board", ""), 3, 0, 3, TEN),
            new Staffing(new Department("D02", "Retail Banking", "D01"), 1, 0, 4, TEN),
            new Staffing(new Department("D03", "Branches", "D02"), 0, 6, 90, SALES_STAFF_PCT),
            new Staffing(new Department("D04", "Contact Centre", "D02"), 0, 5, 66, TEN),
            new Staffing(new Department("D05", "Digital", "D02"), 0, 3, 26, TEN),
            new Staffing(new Department("D06", "Business Banking", "D01"), 1, 0, 3, TEN),
            new Staffing(new Department("D07", "Relationship Management", "D06"), 0, 3, 22, SALES_STAFF_PCT),
            new Staffing(new Department("D08", "Field Service", "D06"), 0, 2, 18, TEN),
            new Staffing(new Department("D09", "Operations", "D01"), 1, 0, 3, TEN),
            new Staffing(new Department("D10", "Complaints Handling", "D09"), 0, 1, 11, TEN),
            // Back office: owns no touchpoint, its customers are the other departments (internal surveys).
            new Staffing(new Department("D11", "IT Service Desk", "D09"), 0, 2, 16, TEN),
            new Staffing(new Department("D12", "Marketing", "D01"), 1, 1, 8, TEN));

    private static final List<Touchpoint> TOUCHPOINTS = List.of(
            new Touchpoint("T01", "Branch counter service", Channel.BRANCH, "D03", false),
            new Touchpoint("T02", "Mortgage approval meeting", Channel.BRANCH, "D03", true),
            new Touchpoint("T03", "Account opening in branch", Channel.BRANCH, "D03", false),
            new Touchpoint("T04", "General enquiries line", Channel.PHONE, "D04", false),
            new Touchpoint("T05", "Card blocked – lost card call", Channel.PHONE, "D04", true),
            new Touchpoint("T06", "Live chat support", Channel.CHAT, "D04", false),
            new Touchpoint("T07", "Secure message reply", Channel.EMAIL, "D04", false),
            new Touchpoint("T08", "Online banking payments", Channel.WEB, "D05", false),
            new Touchpoint("T09", "Mobile app payments", Channel.APP, "D05", false),
            new Touchpoint("T10", "Online loan application", Channel.WEB, "D05", false),
            new Touchpoint("T11", "App onboarding", Channel.APP, "D05", false),
            new Touchpoint("T12", "In-app chat assistant", Channel.CHAT, "D05", false),
            new Touchpoint("T13", "Relationship manager call", Channel.PHONE, "D07", false),
            new Touchpoint("T14", "Business loan decision meeting", Channel.FIELD, "D07", true),
            new Touchpoint("T15", "Business banking e-mail desk", Channel.EMAIL, "D07", false),
            new Touchpoint("T16", "Card terminal installation visit", Channel.FIELD, "D08", false),
            new Touchpoint("T17", "Card terminal breakdown repair", Channel.FIELD, "D08", true),
            new Touchpoint("T18", "Complaint callback", Channel.PHONE, "D10", false),
            new Touchpoint("T19", "Complaint resolution letter", Channel.EMAIL, "D10", false),
            new Touchpoint("T20", "Savings offer e-mail campaign", Channel.EMAIL, "D12", false),
            new Touchpoint("T21", "Website product pages", Channel.WEB, "D12", false));

    private static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Carla", "David", "Elif", "Felix", "Greta",
            "Hugo", "Ines", "Jonas", "Katrin", "Lars", "Maria", "Niklas", "Olga", "Paul", "Queenie", "Rafael", "Sofia",
            "Tobias", "Ursula", "Viktor", "Wiebke", "Xavier", "Yasmin", "Zoe", "Ahmed", "Björn", "Chloé", "Dmitri",
            "Emma", "Finn", "Hannah", "Jakub", "Leonie", "Mehmet", "Nora", "Oskar", "Priya", "Sean");
    private static final List<String> LAST_NAMES = List.of("Andersen", "Becker", "Costa", "Dubois", "Eriksen",
            "Fischer", "García", "Hoffmann", "Ivanova", "Jansen", "Keller", "Lehmann", "Müller", "Novak", "O'Neill",
            "Peters", "Quinn", "Richter", "Schmidt", "Tanaka", "Urban", "Vogel", "Wagner", "Yilmaz", "Zimmermann",
            "Bauer", "Nowak", "Kowalski", "Rossi", "Smith-Jones", "Nguyen", "Larsen", "Meyer", "Schulz", "Wolf",
            "Núñez", "Horvat", "Krüger", "Petrov", "Øberg");

    private final List<Department> departments;
    private final List<Employee> employees;

    private OrgChart(List<Department> departments, List<Employee> employees) {
        this.departments = departments;
        this.employees = employees;
    }

    /** Hires the staff of the plan; random only in names and pay, so the shape is the same for every seed. */
    public static OrgChart hire(Random random) {
        int headcount = STAFFING.stream().mapToInt(s -> s.executives() + s.managers() + s.staff()).sum();
        List<String> names = distinctNames(random, headcount);
        List<Employee> employees = new ArrayList<>();
        Map<String, String> headOf = new LinkedHashMap<>();
        for (Staffing plan : STAFFING) {
            Department department = plan.department();
            String boss = department.parentId().isEmpty() ? "" : headOf.get(department.parentId());
            String head = null;
            List<String> teamLeads = new ArrayList<>();
            for (int i = 0; i < plan.executives() + plan.managers(); i++) {
                boolean executive = i < plan.executives();
                boolean isHead = head == null;
                boolean chief = isHead && boss.isEmpty();
                String id = employeeId(employees.size() + 1);
                employees.add(new Employee(id, names.get(employees.size()), department.id(),
                        executive ? Role.EXECUTIVE : Role.MANAGER, salary(random, executive, isHead, chief),
                        bonusPct(executive, isHead, chief), isHead ? boss : head));
                if (isHead) {
                    head = id;
                    headOf.put(department.id(), id);
                } else if (!executive) {
                    teamLeads.add(id);
                }
            }
            // Staff report to a team lead where the department has them, else straight to the head.
            List<String> leads = teamLeads.isEmpty() ? List.of(head) : teamLeads;
            for (int i = 0; i < plan.staff(); i++) {
                employees.add(new Employee(employeeId(employees.size() + 1), names.get(employees.size()), department.id(),
                        Role.STAFF, staffSalary(random), plan.staffBonusPct(), leads.get(i % leads.size())));
            }
        }
        return new OrgChart(STAFFING.stream().map(Staffing::department).toList(), List.copyOf(employees));
    }

    public List<Department> departments() {
        return departments;
    }

    public List<Employee> employees() {
        return employees;
    }

    public List<Touchpoint> touchpoints() {
        return TOUCHPOINTS;
    }

    /** Headcount per department, in department order: more people, more internal survey answers. */
    Map<String, Integer> headcount() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        departments.forEach(d -> counts.put(d.id(), 0));
        employees.forEach(e -> counts.merge(e.departmentId(), 1, Integer::sum));
        return counts;
    }

    private static String employeeId(int number) {
        return String.format(Locale.ROOT, "E%04d", number);
    }

    private static BigDecimal salary(Random random, boolean executive, boolean head, boolean chief) {
        if (chief) {
            return money(385_000);
        }
        if (executive) {
            return money(roundTo(random, 160_000, 245_000, 500));
        }
        return head ? money(roundTo(random, 78_000, 98_000, 250)) : money(roundTo(random, 58_000, 76_000, 250));
    }

    private static BigDecimal bonusPct(boolean executive, boolean head, boolean chief) {
        if (chief) {
            return new BigDecimal("40");
        }
        if (executive) {
            return new BigDecimal("30");
        }
        return head ? new BigDecimal("20") : new BigDecimal("15");
    }

    private static BigDecimal staffSalary(Random random) {
        return money(roundTo(random, 31_000, 56_000, 250));
    }

    private static long roundTo(Random random, int low, int high, int step) {
        return low + (long) step * random.nextInt((high - low) / step + 1);
    }

    private static BigDecimal money(long units) {
        return BigDecimal.valueOf(units).setScale(2);
    }

    /** Distinct "first last" names, so that a demo user never sees two different people with the same name. */
    private static List<String> distinctNames(Random random, int count) {
        List<Integer> pairs = new ArrayList<>(IntStream.range(0, FIRST_NAMES.size() * LAST_NAMES.size()).boxed().toList());
        Collections.shuffle(pairs, random);
        return pairs.subList(0, count).stream()
                .map(p -> FIRST_NAMES.get(p / LAST_NAMES.size()) + " " + LAST_NAMES.get(p % LAST_NAMES.size()))
                .toList();
    }
}
