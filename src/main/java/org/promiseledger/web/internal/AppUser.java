package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

/**
 * A login as stored: the bcrypt hash, never the password; employeeId is null for a login that is nobody's pay; a
 * disabled login keeps its row but cannot sign in.
 */
public record AppUser(String username, String passwordHash, AppRole role, String employeeId, boolean enabled) {

    /** An enabled login; employeeId is null for a login that is nobody's in employees.csv. */
    public AppUser(String username, String passwordHash, AppRole role, String employeeId) {
        this(username, passwordHash, role, employeeId, true);
    }

    /** What pages and pay visibility decide on: the username, role and employee (null when none). */
    public Viewer viewer() {
        return new Viewer(username, role, employeeId);
    }
}
