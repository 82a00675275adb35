package org.promiseledger.metrics;

/**
 * The event rows distinct customers are counted from, one at a time: a customer id, the index of a touchpoint in the
 * count's touchpoint list, and the row's flag. Rows come kind by kind, in the order of {@link Kind}.
 */
interface CustomerRows {

    /** The kinds of rows, in the order a pass reads them. */
    enum Kind {
        /** A survey answer (in_survey); no flag. */
        ANSWER,
        /** A contact (in_contact); flag: resolved first time. */
        CONTACT,
        /** A complaint (in_complaint); no flag. */
        COMPLAINT,
        /** A churned customer (in_churn), at their last touchpoint; no flag. */
        CHURN
    }

    void row(Kind kind, String customerId, int touchpoint, boolean flag);
}
