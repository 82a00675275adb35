package org.promiseledger.web.identity;

/** A login's rights changed (disabled, role, employee, password): its open sessions must not keep the old ones. */
record LoginChanged(String username) {
}
