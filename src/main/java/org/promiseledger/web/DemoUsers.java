package org.promiseledger.web;

import org.promiseledger.web.internal.AppUsers;
import org.promiseledger.web.internal.Workforce;
import org.promiseledger.web.internal.WorkforceStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.stereotype.Service;

/**
 * The demo's logins, one per kind of reader, linked to people of the demo company so that each sees a different
 * reach: an executive below the board (their division only), a manager of that division (their reports), a member of
 * staff (themselves), and HR, an auditor and an analyst linked to nobody.
 */
@Service
public class DemoUsers {

    /** The password of every demo login: a demo, not a secret. */
    public static final String PASSWORD = "demo";

    /** A login created for the demo, in the words `demo` prints. */
    public record DemoLogin(String username, String password, AppRole role, String employeeId, String who) {

        @Override
        public String toString() {
            return String.format("%-8s / %s  %-9s %s", username, password, role, who);
        }
    }

    private final AppUsers users;
    private final RunRegistry registry;
    private final WorkforceStore workforces;

    DemoUsers(AppUsers users, RunRegistry registry, WorkforceStore workforces) {
        this.users = users;
        this.registry = registry;
        this.workforces = workforces;
    }

    /** Creates (or resets) the demo logins from the period's calculated run. */
    public List<DemoLogin> createFor(Period period) {
        QuarterlyRunRecord run = registry.latestCalculated(period)
                .orElseThrow(() -> new IllegalStateException("no calculated run of " + period + " to take demo people from"));
        Workforce workforce = workforces.of(run.runId());
        List<DemoLogin> logins = new ArrayList<>();
        Optional<Workforce.Member> executive = first(workforce, m -> m.role().equals("EXECUTIVE")
                && workforce.org().parentOf(m.departmentId()).isPresent()
                && workforce.org().subtree(m.departmentId()).size() > 1);
        executive.ifPresent(e -> logins.add(login("exec", AppRole.EXECUTIVE, e, workforce, "sees the subtree of " + e.departmentId())));
        Optional<Workforce.Member> manager = executive.flatMap(e -> first(workforce, m -> m.role().equals("MANAGER")
                && e.employeeId().equals(m.managerId())));
        manager.ifPresent(m -> logins.add(login("manager", AppRole.EMPLOYEE, m, workforce, "sees their direct and indirect reports")));
        manager.flatMap(mgr -> first(workforce, m -> m.role().equals("STAFF") && workforce.reportsTo(m.employeeId(), mgr.employeeId())))
                .ifPresent(s -> logins.add(login("staff", AppRole.EMPLOYEE, s, workforce, "sees their own scorecard only")));
        logins.add(new DemoLogin("hr", PASSWORD, AppRole.HR, null, "every scorecard, runs, approval, exports, answers queries"));
        logins.add(new DemoLogin("auditor", PASSWORD, AppRole.AUDITOR, null, "everything, read-only"));
        logins.add(new DemoLogin("analyst", PASSWORD, AppRole.ANALYST, null, "metrics and rule versions, no individual pay"));
        logins.forEach(l -> users.save(l.username(), l.password(), l.role(), l.employeeId()));
        return logins;
    }

    private static DemoLogin login(String username, AppRole role, Workforce.Member m, Workforce workforce, String reach) {
        return new DemoLogin(username, PASSWORD, role, m.employeeId(), m.employeeId() + " " + m.name() + ", " + m.role() + " of "
                + m.departmentId() + " " + workforce.departmentName(m.departmentId()) + ": " + reach);
    }

    private static Optional<Workforce.Member> first(Workforce workforce, Predicate<Workforce.Member> which) {
        return workforce.members().values().stream().filter(which)
                .min(Comparator.comparing(Workforce.Member::employeeId, CodePoints.ORDER));
    }
}
