package org.promiseledger.web;

/** A login as stored: the bcrypt hash, never the password; employeeId is null for a login that is nobody's pay. */
record AppUser(String username, String passwordHash, AppRole role, String employeeId) {

    Viewer viewer() {
        return new Viewer(username, role, employeeId);
    }
}
