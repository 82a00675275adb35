package org.promiseledger.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.promiseledger.demo.internal.OrgChart.Employee;
import org.promiseledger.demo.internal.OrgChart.Role;

/**
 * What HR's employees.csv of the newest demo quarter says about people who changed during it, with the optional
 * valid_from,valid_to columns: a transfer from the Contact Centre to Digital mid-August, a Branches teller promoted to
 * team lead on 1 September, a Field Service technician leaving at the end of July and a relationship banker hired on
 * 1 September. Everyone else has one row with both dates empty (the whole quarter). Older quarters keep the plain
 * file, so their figures stay as they were.
 */
public final class MidQuarterChanges {

    private final OrgChart org;
    private final Quarter quarter;

    public MidQuarterChanges(OrgChart org, Quarter quarter) {
        this.org = org;
        this.quarter = quarter;
    }

    /** Whether this quarter's employees.csv carries history (the newest quarter only). */
    public boolean applies() {
        return quarter.index() == Quarter.NEWEST;
    }

    public List<List<String>> rows() {
        Employee mover = lastStaffOf("D04");
        Employee promoted = lastStaffOf("D03");
        Employee leaver = lastStaffOf("D08");
        String transferDay = quarter.start().plusDays(46).toString();        // 2026-08-16 in 2026-Q3
        String lastBeforeTransfer = quarter.start().plusDays(45).toString();
        String firstOfLastMonth = quarter.start().plusMonths(2).toString();  // 2026-09-01
        String lastOfSecondMonth = quarter.start().plusMonths(2).minusDays(1).toString();
        String leavingDay = quarter.start().plusMonths(1).minusDays(1).toString(); // 2026-07-31
        List<List<String>> rows = new ArrayList<>();
        for (Employee e : org.employees()) {
            if (e == mover) {
                rows.add(asBefore(e, "", lastBeforeTransfer));
                rows.add(row(e, "D05", e.role(), e.baseSalary(), new BigDecimal("10"), headOf("D05"), transferDay, ""));
            } else if (e == promoted) {
                rows.add(asBefore(e, "", lastOfSecondMonth));
                BigDecimal raised = e.baseSalary().add(new BigDecimal("9000.00"));
                rows.add(row(e, e.departmentId(), Role.MANAGER, raised, new BigDecimal("15"), headOf(e.departmentId()),
                        firstOfLastMonth, ""));
            } else if (e == leaver) {
                rows.add(asBefore(e, "", leavingDay));
            } else {
                rows.add(asBefore(e, "", ""));
            }
        }
        String hireId = String.format(Locale.ROOT, "E%04d", org.employees().size() + 1);
        rows.add(List.of(hireId, "Amara Okafor", "D07", Role.STAFF.name(), "47500.00", "12.5", headOf("D07"),
                firstOfLastMonth, ""));
        return rows;
    }

    private static List<String> asBefore(Employee e, String from, String to) {
        return row(e, e.departmentId(), e.role(), e.baseSalary(), e.targetBonusPct(), e.managerId(), from, to);
    }

    private static List<String> row(Employee e, String department, Role role, BigDecimal salary, BigDecimal pct,
            String manager, String from, String to) {
        return List.of(e.id(), e.name(), department, role.name(), salary.toPlainString(), pct.toPlainString(), manager, from, to);
    }

    private Employee lastStaffOf(String departmentId) {
        return org.employees().stream().filter(e -> e.departmentId().equals(departmentId) && e.role() == Role.STAFF)
                .reduce((first, second) -> second).orElseThrow();
    }

    private String headOf(String departmentId) {
        return org.employees().stream().filter(e -> e.departmentId().equals(departmentId) && e.role() != Role.STAFF)
                .findFirst().orElseThrow().id();
    }
}
