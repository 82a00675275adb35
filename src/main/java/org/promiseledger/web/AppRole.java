package org.promiseledger.web;

import org.promiseledger.web.internal.PayVisibility;
/**
 * What a login may do in the browser. Whose pay it may see is decided by {@link PayVisibility}: for EXECUTIVE and
 * EMPLOYEE logins by the role of the linked employee in the run, not by this role alone.
 */
public enum AppRole {
    /** Compensation operations: every scorecard, runs, approval (four eyes), exports, answers to queries. */
    HR,
    /** An executive: their scorecard and their subtree's, department scorecards, the CX ranking and trend. */
    EXECUTIVE,
    /** Staff and managers: their own scorecard, and a manager's reports'. */
    EMPLOYEE,
    /** Business analysts: metrics and rule versions, no one else's pay. */
    ANALYST,
    /** Auditors: everything, read-only. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
