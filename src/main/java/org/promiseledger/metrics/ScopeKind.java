package org.promiseledger.metrics;

/** The three kinds of scope a metric is computed for, in export order. */
public enum ScopeKind {
    /** Every touchpoint of the company. */
    COMPANY,
    /** One department's own touchpoints. */
    DEPARTMENT,
    /** The touchpoints of a department and all its descendants, computed from raw rows, never averaged. */
    SUBTREE
}
