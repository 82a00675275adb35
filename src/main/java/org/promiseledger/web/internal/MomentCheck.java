package org.promiseledger.web.internal;

import java.math.BigDecimal;

/** A moment-of-truth touchpoint's check: its CSAT against the company CSAT threshold, and whether it capped CX. */
record MomentCheck(String touchpointId, String touchpointName, String ownerDepartmentId, BigDecimal csat, long sample,
        BigDecimal threshold, boolean fired, String reading) {
}
