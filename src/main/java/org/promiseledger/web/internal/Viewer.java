package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

/** Who is looking: the login, its role and the employee it belongs to (null when none). */
public record Viewer(String username, AppRole role, String employeeId) {

    boolean isLinked() {
        return employeeId != null;
    }

    boolean is(String otherEmployeeId) {
        return employeeId != null && employeeId.equals(otherEmployeeId);
    }

    boolean isAny(AppRole... roles) {
        for (AppRole r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
