package org.promiseledger.web.identity.internal;

/** A login's rights changed (disabled, role, employee, password): its open sessions must not keep the old ones. */
public record LoginChanged(String username) {
}
