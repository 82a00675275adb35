package org.promiseledger.web;

import org.promiseledger.web.internal.AppUsers;
import org.promiseledger.web.internal.PayVisibility;
import org.promiseledger.web.internal.Viewer;
import org.promiseledger.web.internal.Workforce;
import org.promiseledger.web.internal.WorkforceStore;

import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * The authorisation of the web pages for callers that are not a page — the REST API and its tokens: who a login is
 * (role, linked employee) and whose pay it may see in a run, decided by {@link PayVisibility}, the same code that
 * decides for every page.
 */
@Component
public class PayReach {

    /** A login as the API sees it; role is an {@link AppRole} name. */
    public record Caller(String username, String role, String employeeId) {
    }

    private final AppUsers users;
    private final PayVisibility visibility;
    private final WorkforceStore workforce;

    PayReach(AppUsers users, PayVisibility visibility, WorkforceStore workforce) {
        this.users = users;
        this.visibility = visibility;
        this.workforce = workforce;
    }

    public Optional<Caller> caller(String username) {
        return users.find(username).map(u -> new Caller(u.username(), u.role().name(), u.employeeId()));
    }

    /** Whose pay in this run the login may see; the run's org is read once, and only when reach depends on it. */
    public Predicate<String> payVisibleTo(Caller caller, long runId) {
        Viewer viewer = new Viewer(caller.username(), AppRole.valueOf(caller.role()), caller.employeeId());
        Workforce[] org = new Workforce[1];
        return employeeId -> visibility.maySeePay(viewer, employeeId, () -> {
            if (org[0] == null) {
                org[0] = workforce.of(runId);
            }
            return org[0];
        });
    }
}
