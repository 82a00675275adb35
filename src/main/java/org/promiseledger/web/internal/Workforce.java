package org.promiseledger.web.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.OrgChart;

/**
 * The people and departments of one run, as employees.csv and departments.csv gave them that quarter: reach over
 * other people's pay is decided on the org as it was when they were paid.
 */
public record Workforce(Map<String, Member> members, Map<String, String> departmentNames, OrgChart org) {

    /** One employee of the run: role is EXECUTIVE, MANAGER or STAFF as in employees.csv. */
    public record Member(String employeeId, String name, String departmentId, String role, String managerId) {
    }

    static Workforce empty() {
        return new Workforce(Map.of(), Map.of(), new OrgChart(Map.of()));
    }

    Optional<Member> member(String employeeId) {
        return Optional.ofNullable(employeeId == null ? null : members.get(employeeId));
    }

    /** True when the manager_id chain from the employee upwards reaches the manager (directly or indirectly). */
    public boolean reportsTo(String employeeId, String managerId) {
        Set<String> seen = new HashSet<>();
        Member current = members.get(employeeId);
        while (current != null && current.managerId() != null && seen.add(current.employeeId())) {
            if (current.managerId().equals(managerId)) {
                return true;
            }
            current = members.get(current.managerId());
        }
        return false;
    }

    /** True when the department is the given root or lies below it. */
    boolean inSubtree(String departmentId, String rootDepartmentId) {
        return departmentNames.containsKey(departmentId) && org.selfAndAncestors(departmentId).contains(rootDepartmentId);
    }

    public String departmentName(String departmentId) {
        return departmentNames.getOrDefault(departmentId, departmentId);
    }

    List<Member> membersInIdOrder() {
        return members.values().stream().sorted((a, b) -> CodePoints.ORDER.compare(a.employeeId(), b.employeeId())).toList();
    }
}
