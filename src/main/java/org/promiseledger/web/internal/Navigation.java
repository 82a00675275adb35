package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;


import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Which per-person links the menu offers a login: only those that can show it something. "My scorecard" needs a linked
 * employee paid in the newest quarter; "People" needs reach over someone else's pay (PayVisibility, on the newest
 * quarter's org); "Queries" needs pay of one's own or HR's view of everyone's. Templates reach it as {@code @navigation}.
 * One per request, so the newest quarter's org is read once per page however many links ask.
 */
@Component("navigation")
@RequestScope
@ConditionalOnWebApplication
class Navigation {

    private final CalculatedPeriods periods;
    private final PayVisibility visibility;
    private Workforce newest;

    Navigation(CalculatedPeriods periods, PayVisibility visibility) {
        this.periods = periods;
        this.visibility = visibility;
    }

    public boolean scorecard(Authentication authentication) {
        Viewer viewer = viewerOf(authentication);
        return viewer != null && viewer.isLinked() && newestWorkforce().member(viewer.employeeId()).isPresent();
    }

    public boolean people(Authentication authentication) {
        Viewer viewer = viewerOf(authentication);
        if (viewer == null) {
            return false;
        }
        if (viewer.isAny(AppRole.HR, AppRole.AUDITOR)) {
            return true;
        }
        if (viewer.role() == AppRole.ANALYST || !viewer.isLinked()) {
            return false;
        }
        Workforce workforce = newestWorkforce();
        return workforce.members().keySet().stream()
                .anyMatch(id -> !viewer.is(id) && visibility.maySeePay(viewer, id, workforce));
    }

    public boolean queries(Authentication authentication) {
        Viewer viewer = viewerOf(authentication);
        return viewer != null && (viewer.isAny(AppRole.HR, AppRole.AUDITOR) || viewer.isLinked());
    }

    private Workforce newestWorkforce() {
        if (newest == null) {
            newest = periods.all().stream().findFirst().map(periods::workforce).orElseGet(Workforce::empty);
        }
        return newest;
    }

    private static Viewer viewerOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user.viewer() : null;
    }
}
