package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * docs/ledger.md "Who sees whose pay", in one place, for every page, chart, PDF and query: a login linked to an employee
 * sees their own pay; beyond that, reach follows the linked employee's role in the run's employees.csv — a MANAGER
 * sees their direct and indirect reports (the manager_id chain), an EXECUTIVE everyone in their department's
 * subtree; HR and AUDITOR logins see everyone; an ANALYST login sees no one else's pay.
 * Department scorecards carry no individual pay: HR, auditors and analysts see all of them, an EXECUTIVE login the
 * departments of its own subtree.
 */
@Component
public class PayVisibility {

    /** True when the viewer may see that employee's pay, by the rules in this class's comment. */
    public boolean maySeePay(Viewer viewer, String employeeId, Workforce workforce) {
        return maySeePay(viewer, employeeId, () -> workforce);
    }

    /** The same decision, reading the org only when it depends on it (someone else's pay, asked by a manager or executive). */
    public boolean maySeePay(Viewer viewer, String employeeId, Supplier<Workforce> org) {
        if (viewer.isAny(AppRole.HR, AppRole.AUDITOR) || viewer.is(employeeId)) {
            return true;
        }
        if (viewer.role() == AppRole.ANALYST) {
            return false;
        }
        Workforce workforce = org.get();
        Workforce.Member me = workforce.member(viewer.employeeId()).orElse(null);
        Workforce.Member them = workforce.member(employeeId).orElse(null);
        if (me == null || them == null) {
            return false;
        }
        return switch (me.role()) {
            case "EXECUTIVE" -> workforce.inSubtree(them.departmentId(), me.departmentId());
            case "MANAGER" -> workforce.reportsTo(them.employeeId(), me.employeeId());
            default -> false;
        };
    }

    /** Refuses with 403 — whatever the address typed — when the viewer may not see this person's pay. */
    void requirePay(Viewer viewer, String employeeId, Workforce workforce) {
        if (!maySeePay(viewer, employeeId, workforce)) {
            throw new AccessDeniedException(viewer.username() + " may not see the pay of " + employeeId);
        }
    }

    void requireDepartment(Viewer viewer, String departmentId, Workforce workforce) {
        if (!maySeeDepartment(viewer, departmentId, workforce)) {
            throw new AccessDeniedException(viewer.username() + " may not see department " + departmentId);
        }
    }

    boolean maySeeDepartment(Viewer viewer, String departmentId, Workforce workforce) {
        if (viewer.isAny(AppRole.HR, AppRole.AUDITOR, AppRole.ANALYST)) {
            return true;
        }
        if (viewer.role() != AppRole.EXECUTIVE) {
            return false;
        }
        return workforce.member(viewer.employeeId())
                .map(me -> workforce.inSubtree(departmentId, me.departmentId()))
                .orElse(false);
    }

    List<Workforce.Member> peopleVisibleTo(Viewer viewer, Workforce workforce) {
        return workforce.membersInIdOrder().stream().filter(m -> maySeePay(viewer, m.employeeId(), workforce)).toList();
    }

    List<String> departmentsVisibleTo(Viewer viewer, Workforce workforce) {
        return workforce.org().departments().stream().filter(d -> maySeeDepartment(viewer, d, workforce)).toList();
    }
}
