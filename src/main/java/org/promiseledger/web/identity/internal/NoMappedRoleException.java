package org.promiseledger.web.identity.internal;

import org.springframework.security.authentication.AccountStatusException;

/** The directory knows the person, but none of their groups gives a role here: no access, and a page that says so. */
public class NoMappedRoleException extends AccountStatusException {

    NoMappedRoleException(String username) {
        super(username + " has no group mapped to a Promise Ledger role");
    }
}
