package org.promiseledger.web;


/**
 * A login as stored: the bcrypt hash, never the password; employeeId is null for a login that is nobody's pay; a
 * disabled login keeps its row but cannot sign in.
 */
record AppUser(String username, String passwordHash, AppRole role, String employeeId, boolean enabled) {

    AppUser(String username, String passwordHash, AppRole role, String employeeId) {
        this(username, passwordHash, role, employeeId, true);
    }

    Viewer viewer() {
        return new Viewer(username, role, employeeId);
    }
}
